import { vocabularies } from '../domain/vocabularies'

type Status = (typeof vocabularies.contentStatus)[number]

/**
 * What a calendar cell, week slot or agenda row draws of an item (title, colour keys, time, status,
 * hover text, effort). The side panel loads the whole record, so links, approvals and briefs stay out.
 */
export type CalendarCell = {
  id: string
  title: string
  channelId: string | null
  campaignId: string | null
  pillar: string
  ownerId: string | null
  status: Status
  plannedDate: string | null
  dueDate: string | null
  publishAt: string | null
  publishZone: string | null
  effortHours: number
  seriesId: string | null
}

/**
 * One item as a positional row: [id, title, channel, campaign, pillar, owner, status, planned, due,
 * publishAt, zone, effort, series]. Channel, campaign, pillar, owner and zone are indexes into the
 * payload's `refs` (-1 for none) and status an index into the status enum: a month of a busy plan
 * repeats the same few ids thousands of times, and keyed objects made the payload ~4× larger.
 */
type Text = string | null
export type CellRow = [id: string, title: string, channel: number, campaign: number, pillar: number, owner: number, status: number, planned: Text, due: Text, publishAt: Text, zone: number, effort: number, series: Text]
export type CalendarCells = { refs: string[]; rows: CellRow[] }

const STATUSES: readonly Status[] = vocabularies.contentStatus

/** Packs cells for the wire (see `cellRow`). */
function encodeCells(items: readonly CalendarCell[]): CalendarCells {
  const refs: string[] = []
  const index = new Map<string, number>()
  const ref = (v: string | null): number => {
    if (v === null || v === '') return -1
    let i = index.get(v)
    if (i === undefined) {
      i = refs.length
      refs.push(v)
      index.set(v, i)
    }
    return i
  }
  const rows = items.map((it): CalendarCells['rows'][number] => [
    it.id, it.title, ref(it.channelId), ref(it.campaignId), ref(it.pillar), ref(it.ownerId), STATUSES.indexOf(it.status),
    it.plannedDate, it.dueDate, it.publishAt, ref(it.publishZone), it.effortHours, it.seriesId
  ])
  return { refs, rows }
}

/** Unpacks `encodeCells` output; unknown indexes read as "none" rather than throwing. */
function decodeCells(c: CalendarCells): CalendarCell[] {
  const at = (i: number): string | null => (i < 0 ? null : (c.refs[i] ?? null))
  return c.rows.map(([id, title, ch, camp, pillar, owner, st, planned, due, publishAt, zone, effort, series]) => ({
    id, title, channelId: at(ch), campaignId: at(camp), pillar: at(pillar) ?? '', ownerId: at(owner), status: STATUSES[st] ?? 'idea',
    plannedDate: planned, dueDate: due, publishAt, publishZone: at(zone), effortHours: effort, seriesId: series
  }))
}

/**
 * Both directions of the month payload's item encoding, without zod: the renderer decodes every month
 * it shows, and the calendar's first paint loads no schemas (issue #17). The schema is in calendarCells.ts.
 */
export const calendarCellsCodec = { encode: encodeCells, decode: decodeCells }
