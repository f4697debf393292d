import { useMemo, useState } from 'react'
import type { RegistryRowView } from '../../../../core/api/methods/linkMethods'
import { useQuery } from '../../api/useQuery'
import { ScreenHeader } from '../records/ScreenHeader'
import './links.css'

type Filter = 'all' | 'flagged'
type FlagKind = RegistryRowView['flags'][number]['kind']

/** Flags in words with a mark, so they do not rest on colour alone. */
const flagLabel: Record<FlagKind, string> = { duplicate: 'Duplicate', conflict: 'Conflict', convention: 'Off convention', unreadable: 'Cannot be read' }

/** Where a link is used, as a link to that record's screen (the item opens in the calendar's panel). */
function hrefOf(r: RegistryRowView): string {
  if (r.contentId !== null) return `#/calendar?item=${r.contentId}`
  if (r.campaignId !== null) return '#/campaigns'
  return '#/channels'
}

/**
 * The link registry (issue #15 item 3): every tracked link the team uses, where it is used, and what
 * is wrong — the same link on two items, the same page and campaign tagged with different casing, a
 * source or medium outside the convention.
 */
export function LinksScreen() {
  const reg = useQuery('link-registry', {}, { dependsOn: ['trackedLink', 'content', 'campaign', 'channel', 'linkConvention'] })
  const [filter, setFilter] = useState<Filter>('all')
  const rows = useMemo(() => (reg.data?.items ?? []).filter((r) => filter === 'all' || r.flags.length > 0), [reg.data, filter])
  const d = reg.data
  return (
    <div className="screen">
      <ScreenHeader
        title="Links"
        description="Every tracked link the team uses, where it is used, and what needs fixing before results come back. Build links in an item's panel in the calendar."
        actions={
          <div className="segmented" role="radiogroup" aria-label="Which links">
            {(['all', 'flagged'] as const).map((v) => (
              <label key={v}>
                <input type="radio" name="links-filter" value={v} checked={filter === v} onChange={() => setFilter(v)} />
                {v === 'all' ? 'All links' : 'Needs fixing'}
              </label>
            ))}
          </div>
        }
      />
      {reg.error && <p className="form-error" role="alert">Could not load the links: {reg.error.message}</p>}
      {d && (
        <p className="links-summary" data-testid="links-summary">
          {d.items.length} {d.items.length === 1 ? 'link' : 'links'} · {d.duplicates} duplicate · {d.conflicts} in conflict · {d.offConvention} off the convention
        </p>
      )}
      <section className="panel links-panel" aria-label="Link registry">
        {d && rows.length === 0 ? (
          <p className="muted">{filter === 'all' ? 'No tracked links yet. Open an item in the calendar and build one under "Tracked link".' : 'Nothing to fix.'}</p>
        ) : (
          <table className="links-table" data-testid="links-table">
            <thead>
              <tr>
                <th scope="col">Link</th>
                <th scope="col">Used in</th>
                <th scope="col">Needs fixing</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.origin}:${r.id}`} data-testid="link-row">
                  <td className="links-url">
                    <code>{r.url}</code>
                    {r.origin === 'item' && <span className="subtle small"> (typed on the item, not built here)</span>}
                  </td>
                  <td>
                    <a href={hrefOf(r)}>{r.usedIn}</a>
                  </td>
                  <td>
                    {r.flags.length === 0 ? (
                      <span className="subtle">None</span>
                    ) : (
                      <ul className="links-flags">
                        {r.flags.map((f) => (
                          <li key={f.kind + f.message} className={`links-flag links-flag-${f.kind}`} data-testid={`link-flag-${f.kind}`}>
                            <strong>
                              <span aria-hidden="true">⚠ </span>
                              {flagLabel[f.kind]}:
                            </strong>{' '}
                            {f.message}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  )
}
