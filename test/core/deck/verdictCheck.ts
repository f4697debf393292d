import { channelVerdict, verdictLabels } from '../../../src/core/deck/channelVerdict'
import type { DeckHoursRow } from '../../../src/core/deck/deckInput'
import type { DeckModel } from '../../../src/core/deck/deckModel'

/** Words that give a channel a verdict on any slide, the old deck's "Rethink" and friends included. */
const VERDICT = /\b(grow|keep|trim|stop|rethink|cut|drop|quick win|big bet|fill-in|invest|double down)\b/i

/**
 * Reads every string on every slide (titles, text lines, table rows, notes, chart titles, speaker
 * notes) and returns each place where a channel is named together with a verdict word that is not the
 * one the allocation gives it, or that overrides it without naming the team's decision and reason.
 */
export function verdictProblems(model: DeckModel, hours: readonly DeckHoursRow[], channelNames: ReadonlyMap<string, string>): string[] {
  const expected = new Map(hours.map((h) => [channelNames.get(h.channelId) ?? h.channelId, h]))
  // Longest names first so "Blog newsletter" is not read as "Blog".
  const names = [...channelNames.values()].toSorted((a, b) => b.length - a.length)
  const problems: string[] = []
  // Content titles are the team's own words ("How we cut stale reports"), not the deck's verdicts.
  for (const s of model.slides.filter((x) => !x.key.startsWith('top-content'))) {
    const strings: string[] = [s.title, s.emptyMessage ?? '', ...s.speakerNotes.split('\n')]
    for (const b of s.blocks) {
      // A bullet is read with the heading above it: "Rethink (low impact, high effort)" then "Blog".
      let heading = ''
      if (b.kind === 'text') {
        for (const l of b.lines) {
          if (l.level === 1) strings.push(`${heading} ${l.text}`.trim())
          else {
            heading = l.bold === true ? l.text : ''
            strings.push(l.text)
          }
        }
      }
      if (b.kind === 'note') strings.push(b.title, ...b.lines)
      if (b.kind === 'table') strings.push(b.title, b.footnote ?? '', ...b.rows.map((r) => r.join(' | ')))
      if (b.kind === 'chart') strings.push(b.chart.title)
    }
    for (const text of strings) {
      const word = VERDICT.exec(text)?.[1]
      if (word === undefined) continue
      let rest = text
      const named: string[] = []
      for (const n of names) {
        if (rest.includes(n)) {
          named.push(n)
          rest = rest.split(n).join(' ')
        }
      }
      if (named.length === 0) continue
      if (named.length > 1) {
        problems.push(`slide ${s.number} (${s.key}): verdict "${word}" next to several channels: ${text}`)
        continue
      }
      const row = expected.get(named[0] ?? '')
      const want = row === undefined ? null : verdictLabels[channelVerdict(row)]
      if (want === null || want.toLowerCase() !== word.toLowerCase()) {
        problems.push(`slide ${s.number} (${s.key}): ${named[0]} is "${word}" but the allocation says ${want ?? 'nothing'}: ${text}`)
        continue
      }
      // A verdict the model alone would not give must say it is the team's decision.
      if (row !== undefined && row.engineHoursPerWeek !== null && !/team/.test(text)) {
        problems.push(`slide ${s.number} (${s.key}): ${named[0]} "${word}" comes from a team decision but does not say so: ${text}`)
      }
    }
  }
  return problems
}
