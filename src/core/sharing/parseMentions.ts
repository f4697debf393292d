export type MentionMember = { id: string; name: string }
/** A comment body cut into plain text and resolved mentions, for display and for notifications. */
export type BodyPart = { text: string; memberId?: string }

const boundary = /[\s.,;:!?)'"\]]/

/**
 * Finds `@Name` mentions of members in a comment body. A mention is `@` followed by a member's full
 * name or, when only one member has it, their first name (case-insensitive, longest name first), and
 * then a space, punctuation or the end. Anything else after `@` stays plain text: an unknown name
 * is never guessed at.
 */
export function parseMentions(body: string, members: readonly MentionMember[]): { memberIds: string[]; parts: BodyPart[] } {
  const firstCount = new Map<string, number>()
  for (const m of members) {
    const first = m.name.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
    firstCount.set(first, (firstCount.get(first) ?? 0) + 1)
  }
  const names: { key: string; id: string; length: number }[] = []
  for (const m of members) {
    const full = m.name.trim()
    if (full === '') continue
    names.push({ key: full.toLowerCase(), id: m.id, length: full.length })
    const first = full.split(/\s+/)[0] ?? ''
    if (first !== full && firstCount.get(first.toLowerCase()) === 1) names.push({ key: first.toLowerCase(), id: m.id, length: first.length })
  }
  names.sort((a, b) => b.length - a.length)
  const parts: BodyPart[] = []
  const ids: string[] = []
  const lower = body.toLowerCase()
  let plain = ''
  let i = 0
  while (i < body.length) {
    const ch = body[i]
    const startsWord = i === 0 || /\s|\(/.test(body[i - 1] ?? '')
    if (ch === '@' && startsWord) {
      const hit = names.find((n) => lower.startsWith(n.key, i + 1) && (i + 1 + n.length === body.length || boundary.test(body[i + 1 + n.length] ?? '')))
      if (hit) {
        if (plain !== '') parts.push({ text: plain })
        plain = ''
        parts.push({ text: body.slice(i, i + 1 + hit.length), memberId: hit.id })
        if (!ids.includes(hit.id)) ids.push(hit.id)
        i += 1 + hit.length
        continue
      }
    }
    plain += ch
    i++
  }
  if (plain !== '') parts.push({ text: plain })
  return { memberIds: ids, parts }
}
