import type { ReactNode } from 'react'
import { glossary, type GlossaryId } from './glossary'

/** A word from the glossary, explained on hover with its one sentence (dotted underline, like any abbreviation). */
export function Term({ id, children }: { id: GlossaryId; children?: ReactNode }) {
  const g = glossary[id]
  return (
    <abbr className="term" data-term={id} title={`${g.term}: ${g.meaning}`}>
      {children ?? g.term}
    </abbr>
  )
}
