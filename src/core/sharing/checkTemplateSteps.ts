import type { FieldIssue } from '../domain/recordKind'

type Step = { key: string; title: string; offsetDays: number; after: readonly string[] }

/**
 * Workback rules a template must keep, each refusal naming the step: no step after the publish date,
 * unique keys, dependencies on steps that exist, and no cycle among dependencies (a cycle is named
 * as the path that closes it, "Draft → Design → Draft").
 */
export function checkTemplateSteps(steps: readonly Step[]): FieldIssue[] {
  const issues: FieldIssue[] = []
  const byKey = new Map<string, Step>()
  steps.forEach((s, i) => {
    if (byKey.has(s.key)) issues.push({ path: ['steps', i, 'key'], message: `Step "${s.title}": the key "${s.key}" is used by another step` })
    else byKey.set(s.key, s)
    if (s.offsetDays > 0)
      issues.push({ path: ['steps', i, 'offsetDays'], message: `Step "${s.title}" is due ${s.offsetDays} day${s.offsetDays === 1 ? '' : 's'} after the publish date; use 0 (the publish day) or a negative number of days` })
  })
  steps.forEach((s, i) => {
    s.after.forEach((k, j) => {
      if (!byKey.has(k)) issues.push({ path: ['steps', i, 'after', j], message: `Step "${s.title}" waits for "${k}", which is not a step of this template` })
    })
  })
  // Depth-first search with three colours; the grey path is the cycle when we meet a grey node.
  const state = new Map<string, 'grey' | 'black'>()
  const reported = new Set<string>()
  const visit = (key: string, path: string[]): void => {
    const mark = state.get(key)
    if (mark === 'black') return
    if (mark === 'grey') {
      const loop = [...path.slice(path.indexOf(key)), key]
      const first = loop[0] ?? key
      if (reported.has(first)) return
      loop.forEach((k) => reported.add(k))
      const i = steps.findIndex((s) => s.key === first)
      const title = (k: string) => byKey.get(k)?.title ?? k
      issues.push({ path: ['steps', i, 'after'], message: `Step "${title(first)}" depends on itself: ${loop.map(title).join(' → ')}` })
      return
    }
    state.set(key, 'grey')
    for (const next of byKey.get(key)?.after ?? []) if (byKey.has(next)) visit(next, [...path, key])
    state.set(key, 'black')
  }
  for (const s of byKey.values()) visit(s.key, [])
  return issues
}
