import type { TransferField } from './transferFields'

const key = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, '')
const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

/**
 * Which field each CSV column fills, guessed from the headers: the field's name (`audienceSize`,
 * `audience_size`, "Owner id" for `ownerId`) beats its label ("Audience size", "Owner"), which beats
 * the screen's column headers passed as aliases ("Audience"). Each field takes one column at most,
 * so a table export with both "Owner" (names) and "Owner id" (ids) maps the ids. `explicit` (the
 * person's choices, header → field or '' to ignore) always wins.
 */
export function matchColumns(
  headers: readonly string[],
  fields: readonly TransferField[],
  explicit: Readonly<Record<string, string>> = {},
  aliases: Readonly<Record<string, string>> = {}
): (string | null)[] {
  const known = new Set(fields.map((f) => f.name))
  const out: (string | null)[] = headers.map(() => null)
  const taken = new Set<string>()
  headers.forEach((h, i) => {
    const choice = explicit[h]
    if (choice === undefined) return
    if (choice !== '' && known.has(choice) && !taken.has(choice)) {
      out[i] = choice
      taken.add(choice)
    } else out[i] = ''
  })
  const tiers: ((f: TransferField) => string[])[] = [
    (f) => [f.name, snake(f.name)],
    (f) => [f.label, f.label.replace(/s$/, '')],
    (f) => Object.entries(aliases).filter(([, field]) => field === f.name).map(([header]) => header)
  ]
  for (const tier of tiers) {
    headers.forEach((h, i) => {
      if (out[i] !== null) return
      const f = fields.find((x) => !taken.has(x.name) && tier(x).some((c) => key(c) === key(h)))
      if (f) {
        out[i] = f.name
        taken.add(f.name)
      }
    })
  }
  return out.map((m) => (m === '' ? null : m))
}

/** `--map "Audience=audienceSize,Owner=ownerId"` → { Audience: 'audienceSize', Owner: 'ownerId' }; `Notes=` ignores a column. */
export function parseMapOption(text: string): Record<string, string> | { error: string } {
  const out: Record<string, string> = {}
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = part.lastIndexOf('=')
    if (at <= 0) return { error: `"${part}" is not "CSV header=field"` }
    out[part.slice(0, at).trim()] = part.slice(at + 1).trim()
  }
  return out
}
