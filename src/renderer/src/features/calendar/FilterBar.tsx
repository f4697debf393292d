import { forwardRef, useState } from 'react'
import type { CalendarFilter } from '../../../../core/calendar/calendarFilter'
import { isFilterEmpty } from '../../../../core/calendar/isFilterEmpty'
import { labelOf, vocabularies } from '../../../../core/domain/vocabularies'
import { api } from '../../api/client'
import type { RefOption } from '../../components/fieldSpec'
import { SavedViews } from './SavedViews'

type Props = {
  filter: CalendarFilter
  onChange: (f: CalendarFilter) => void
  screen: 'calendar' | 'board'
  channels: readonly RefOption[]
  campaigns: readonly RefOption[]
  members: readonly RefOption[]
  pillars: readonly string[]
}

type ListKey = 'channelIds' | 'campaignIds' | 'ownerIds' | 'statuses' | 'pillars'

function Menu({ label, options, selected, onToggle, testId }: { label: string; options: readonly RefOption[]; selected: readonly string[]; onToggle: (id: string) => void; testId: string }) {
  return (
    <details className="filter-menu" data-testid={testId}>
      <summary className={`btn btn-sm${selected.length ? ' filter-on' : ''}`}>
        {label}
        {selected.length > 0 && <span className="filter-count">{selected.length}</span>}
      </summary>
      <div className="filter-pop" role="group" aria-label={label}>
        {options.length === 0 && <p className="subtle">Nothing to choose</p>}
        {options.map((o) => (
          <label key={o.id} className="filter-opt">
            <input type="checkbox" checked={selected.includes(o.id)} onChange={() => onToggle(o.id)} /> {o.name}
          </label>
        ))}
      </div>
    </details>
  )
}

/**
 * The filter the calendar and the board share: channel, campaign, owner, status, pillar and text.
 * `/` focuses the search box (the screens bind the key). Saved views store a filter by name.
 */
export const FilterBar = forwardRef<HTMLInputElement, Props>(function FilterBar({ filter, onChange, screen, channels, campaigns, members, pillars }, searchRef) {
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  // Each saved view is one gesture: Enter pressed twice saves it once; the next save gets a new id.
  const [creationId, setCreationId] = useState(() => crypto.randomUUID())
  const toggle = (key: ListKey, id: string) => {
    const cur = (filter[key] ?? []) as string[]
    const next = cur.includes(id) ? cur.filter((x) => x !== id) : [...cur, id]
    onChange({ ...filter, [key]: next })
  }
  const save = async () => {
    if (name.trim() === '') return
    await api.records('savedView').create({ name: name.trim(), screen, filter, options: {}, creationId })
    setCreationId(crypto.randomUUID())
    setNaming(false)
    setName('')
  }
  return (
    <div className="filter-bar" role="search">
      <input
        ref={searchRef}
        className="input filter-search"
        type="search"
        placeholder="Search titles and briefs  ( / )"
        aria-label="Search content"
        data-testid="planner-search"
        value={filter.q ?? ''}
        onChange={(e) => onChange({ ...filter, q: e.target.value })}
      />
      <Menu label="Channel" testId="filter-channel" options={channels} selected={filter.channelIds ?? []} onToggle={(id) => toggle('channelIds', id)} />
      <Menu label="Campaign" testId="filter-campaign" options={campaigns} selected={filter.campaignIds ?? []} onToggle={(id) => toggle('campaignIds', id)} />
      <Menu label="Owner" testId="filter-owner" options={members} selected={filter.ownerIds ?? []} onToggle={(id) => toggle('ownerIds', id)} />
      <Menu label="Status" testId="filter-status" options={vocabularies.contentStatus.map((s) => ({ id: s, name: labelOf(s) }))} selected={filter.statuses ?? []} onToggle={(id) => toggle('statuses', id)} />
      <Menu label="Pillar" testId="filter-pillar" options={pillars.map((p) => ({ id: p, name: p }))} selected={filter.pillars ?? []} onToggle={(id) => toggle('pillars', id)} />
      {!isFilterEmpty(filter) && (
        <button type="button" className="btn btn-sm btn-ghost" onClick={() => onChange({})} data-testid="filter-clear">
          Clear
        </button>
      )}
      <span className="filter-gap" />
      <SavedViews onOpen={onChange} />
      {naming ? (
        <form
          className="filter-save"
          onSubmit={(e) => {
            e.preventDefault()
            void save()
          }}
        >
          <input className="input input-sm" autoFocus aria-label="View name" placeholder="View name" value={name} onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && setNaming(false)} />
          <button className="btn btn-sm btn-primary" type="submit">
            Save
          </button>
        </form>
      ) : (
        <button type="button" className="btn btn-sm" onClick={() => setNaming(true)} data-testid="save-view">
          Save view
        </button>
      )}
    </div>
  )
})
