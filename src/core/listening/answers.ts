/** An approved answer past its review date is stale: still usable, flagged wherever it is offered. */
export function isStale(a: { reviewBy: string }, today: string): boolean {
  return a.reviewBy < today
}

/**
 * Put an answer's text into a reply draft at the cursor (the end when there is none), with a blank line
 * between it and what is already written, so inserting never glues two sentences together.
 */
export function insertAnswer(draft: string, text: string, cursor: number = draft.length): string {
  const at = Math.max(0, Math.min(cursor, draft.length))
  const head = draft.slice(0, at)
  const tail = draft.slice(at)
  const before = head.trim() === '' ? '' : head.replace(/\s*$/, '\n\n')
  const after = tail.trim() === '' ? '' : `\n\n${tail.replace(/^\s*/, '')}`
  return `${before}${text.trim()}${after}`
}

/** Answers for a topic, best first: same topic and language, then same topic, then the rest; fresh before stale. */
export function rankAnswers<A extends { topic: string; language: string; title: string; reviewBy: string }>(
  answers: readonly A[], topic: string, language: string, today: string
): A[] {
  const t = topic.trim().toLowerCase()
  const l = language.trim().toLowerCase()
  const score = (a: A) =>
    (t !== '' && a.topic.trim().toLowerCase() === t ? 4 : 0) + (l !== '' && a.language.trim().toLowerCase() === l ? 2 : 0) + (isStale(a, today) ? 0 : 1)
  return answers.toSorted((a, b) => score(b) - score(a) || a.title.localeCompare(b.title))
}
