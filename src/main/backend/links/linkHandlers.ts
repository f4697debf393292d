import type { LinkConvention } from '../../../core/domain/linkConvention'
import type { ResultsInput } from '../../../core/api/methods/linkMethods'
import type { HandlerTable } from '../handlerTable'
import { campaignSlugs, checkLinkNow, linkConventionOf, registryOf, saveLink, saveLinkConvention } from './linkService'
import { importResults } from './resultsImport'
import { resultsSummaryOf } from './resultsSummaryOf'

/** Tracked links, the registry and results imports: handlers.ts spreads this into the table every host dispatches into. */
export const linkHandlers: Partial<HandlerTable> = {
  'link-convention-get': (b) => {
    const convention = linkConventionOf(b)
    return { convention, campaigns: campaignSlugs(b, convention) }
  },
  'link-convention-save': (b, i) => saveLinkConvention(b, i as LinkConvention),
  'link-check': (b, i) => checkLinkNow(b, i.url),
  'link-save': (b, i) => saveLink(b, i) as never,
  'link-registry': (b) => registryOf(b),
  'results-import': (b, i) => importResults(b, i as ResultsInput).report,
  'results-summary': (b, i) => resultsSummaryOf(b, { ...i, groupBy: i.groupBy ?? 'campaign' })
}
