import { useMemo, useState } from 'react'
import type { RegistryRowView } from '../../../../core/api/methods/linkMethods'
import { useQuery } from '../../api/useQuery'
import { DataTable } from '../../components/DataTable'
import { col, type DataColumn } from '../../components/dataColumns'
import { ScreenHeader } from '../records/ScreenHeader'
import { flagLabel, LinkFlags } from './LinkFlags'
import './links.css'

type Filter = 'all' | 'flagged'
/** A registry row whose id is unique across both origins (a saved link and an item's typed URL may share one). */
type LinkRow = RegistryRowView

/** Where a link is used, as a link to that record's screen (the item opens in the calendar's panel). */
function hrefOf(r: RegistryRowView): string {
  if (r.contentId !== null) return `#/calendar?item=${r.contentId}`
  if (r.campaignId !== null) return '#/campaigns'
  return '#/channels'
}

const originText = (r: RegistryRowView): string => (r.origin === 'item' ? 'Typed on the item' : 'Built here')
const flagsText = (r: RegistryRowView): string => r.flags.map((f) => f.message).join(' · ')

/**
 * The link registry (issue #15 item 3): every tracked link the team uses, where it is used, and what
 * is wrong — the same link on two items, the same page and campaign tagged with different casing, a
 * source or medium outside the convention. The app's virtual table (the demo holds ~1,800 links, which
 * took seconds to draw as one long table), with the chosen link's findings in full beside it.
 */
export function LinksScreen() {
  const reg = useQuery('link-registry', {}, { dependsOn: ['trackedLink', 'content', 'campaign', 'channel', 'linkConvention'] })
  const [filter, setFilter] = useState<Filter>('all')
  const [activeKey, setActiveKey] = useState<string | undefined>(undefined)
  const all = useMemo<LinkRow[]>(() => (reg.data?.items ?? []).map((r) => ({ ...r, id: `${r.origin}:${r.id}` })), [reg.data])
  const rows = useMemo(() => all.filter((r) => filter === 'all' || r.flags.length > 0), [all, filter])
  const active = rows.find((r) => r.id === activeKey)
  const usualHost = useMemo(() => mostCommonHost(all.map((r) => r.base)), [all])
  const columns = useMemo<DataColumn<LinkRow>[]>(
    () => [
      // The page: its path where the host is the team's usual one (most links share it, and the narrow
      // column then shows the part that tells links apart), else host and path. Its parameters get columns
      // of their own, to sort and filter by ("medium: social"). Searched by the whole link, shown in the tooltip.
      col.text('url', 'Link', (r) => r.url, { width: 180, render: (r) => <code title={r.url}>{pageText(r.base, usualHost)}</code> }),
      col.text('campaign', 'Campaign', (r) => r.utm?.campaign ?? '', { width: 125 }),
      col.text('source', 'Source', (r) => r.utm?.source ?? '', { width: 85 }),
      col.text('medium', 'Medium', (r) => r.utm?.medium ?? '', { width: 95 }),
      col.text('content', 'Content', (r) => r.utm?.content ?? '', { width: 110, hidden: true }),
      {
        id: 'flags',
        header: 'Needs fixing',
        kind: 'text',
        // Sorted by the kinds of finding (links with none last); searched and filtered by what they say.
        value: (r) => (r.flags.length === 0 ? undefined : r.flags.map((f) => flagLabel[f.kind]).join(', ')),
        text: flagsText,
        render: (r) => <LinkFlags flags={r.flags} compact />,
        width: 190
      },
      col.text('usedIn', 'Used in', (r) => r.usedIn, { width: 210, render: (r) => <a href={hrefOf(r)}>{r.usedIn}</a> }),
      col.text('origin', 'Where it came from', originText, { width: 170, hidden: true })
    ],
    [usualHost]
  )
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
          {d.items.length.toLocaleString()} {d.items.length === 1 ? 'link' : 'links'} · {d.duplicates} duplicate · {d.conflicts} in conflict · {d.offConvention} off the convention
        </p>
      )}
      <div className="links-layout">
        <div className="links-list">
          <DataTable
            tableId="links"
            label="Link registry"
            noun={{ one: 'link', many: 'links' }}
            rows={rows}
            columns={columns}
            loading={reg.loading && d === undefined}
            onActiveChange={(r) => {
              if (r !== undefined) setActiveKey(r.id)
            }}
            onOpen={(r) => {
              window.location.hash = hrefOf(r)
            }}
            empty={<p className="muted">{filter === 'all' ? 'No tracked links yet. Open an item in the calendar and build one under "Tracked link".' : 'Nothing to fix.'}</p>}
          />
        </div>
        <aside className="links-detail card" aria-label="Chosen link" data-testid="link-detail">
          {active === undefined ? (
            <p className="muted">Choose a link to see where it is used and everything that needs fixing. Enter opens where it is used.</p>
          ) : (
            <>
              <h2 className="links-detail-title">Link</h2>
              <p className="links-url">
                <code>{active.url}</code>
              </p>
              <p className="subtle small">{originText(active)}</p>
              <h2 className="links-detail-title">Used in</h2>
              <p>
                <a href={hrefOf(active)}>{active.usedIn}</a>
              </p>
              <h2 className="links-detail-title">Needs fixing</h2>
              <LinkFlags flags={active.flags} />
            </>
          )}
        </aside>
      </div>
    </div>
  )
}

const hostOf = (base: string): string => base.replace(/^https?:\/\//, '').replace(/\/.*$/, '')

/** The host most links go to (the team's own site), or '' when there are none. */
function mostCommonHost(bases: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const b of bases) counts.set(hostOf(b), (counts.get(hostOf(b)) ?? 0) + 1)
  let best = ''
  for (const [h, n] of counts) if (n > (counts.get(best) ?? 0)) best = h
  return best
}

/** "/go/buyers-guide" on the usual host, "partner.example/welcome" elsewhere. */
function pageText(base: string, usualHost: string): string {
  const bare = base.replace(/^https?:\/\//, '')
  return hostOf(base) === usualHost ? bare.slice(usualHost.length) || '/' : bare
}
