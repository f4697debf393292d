import type { ReactNode } from 'react'
import { ScreenHeader } from '../records/ScreenHeader'

type Props = { title: string; purpose: string; coming: readonly string[]; footnote?: ReactNode }

/** An honest stand-in for a screen another piece of work will build: what it is for and what will come. */
export function PlaceholderScreen({ title, purpose, coming, footnote }: Props) {
  return (
    <div className="screen" data-testid={`placeholder-${title.toLowerCase()}`}>
      <ScreenHeader title={title} description={purpose} />
      <section className="card placeholder">
        <h2>Not built yet</h2>
        <p className="muted">This screen is planned. When it lands it will offer:</p>
        <ul>
          {coming.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        {footnote !== undefined && <p className="note">{footnote}</p>}
      </section>
    </div>
  )
}
