import { useEffect, useMemo, useRef, useState } from 'react'
import { useQuery } from '../../api/useQuery'
import { ScreenHeader } from '../records/ScreenHeader'
import { ExportPanel } from './ExportPanel'
import { SlideNotes } from './SlideNotes'
import { SlideView } from './SlideView'
import './review.css'

/** The quarter a review is usually about: the last complete one that has data, else the newest. */
function defaultQuarter(items: readonly { quarter: string }[], current: string): string | undefined {
  return (items.find((i) => i.quarter < current) ?? items[0])?.quarter
}

/** Width of an element, kept up to date, so the large slide fills its column. A callback ref, since the element appears only once the deck has loaded. */
function useWidth(): [(el: HTMLDivElement | null) => void, number] {
  const [el, setEl] = useState<HTMLDivElement | null>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    if (el === null) return
    // The observer reports the first size right after observe(), so no initial read is needed.
    const ro = new ResizeObserver(() => setWidth(el.clientWidth))
    ro.observe(el)
    return () => ro.disconnect()
  }, [el])
  return [setEl, width]
}

/**
 * The quarterly review: pick a quarter, look through the slides (thumbnails and one large, drawn from
 * the same deck model and layout as the export), type decisions and notes on any slide, export PPTX
 * and PDF.
 */
export function ReviewScreen() {
  const quarters = useQuery('deck-quarters', {})
  const [picked, setPicked] = useState<string | undefined>(undefined)
  const quarter = picked ?? (quarters.data === undefined ? undefined : defaultQuarter(quarters.data.items, quarters.data.current))
  const deck = useQuery('deck-preview', { quarter: quarter ?? '' }, { enabled: quarter !== undefined })
  const notes = useQuery(
    'deck-note-list',
    { where: [{ field: 'quarter', op: 'eq', value: quarter ?? '' }], sort: [{ field: 'createdAt', dir: 'asc' }] },
    { enabled: quarter !== undefined }
  )
  const [index, setIndex] = useState(0)
  const [bigRef, bigWidth] = useWidth()
  const slides = useMemo(() => deck.data?.slides ?? [], [deck.data])
  const slide = slides[Math.min(index, Math.max(0, slides.length - 1))]
  const thumbs = useRef<HTMLOListElement>(null)

  useEffect(() => {
    thumbs.current?.querySelector<HTMLElement>(`[data-index="${index}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [index])

  const move = (d: number) => setIndex((i) => Math.max(0, Math.min(slides.length - 1, i + d)))

  return (
    <div className="screen review">
      <ScreenHeader
        title="Review"
        description="The quarterly review deck, built from the quarter's data. Add decisions and notes to any slide; they are saved in the workspace and printed on the slide."
        actions={
          <div className="review-actions">
            <label className="review-quarter">
              <span className="subtle">Quarter</span>
              <select
                className="select"
                aria-label="Quarter"
                value={quarter ?? ''}
                onChange={(e) => {
                  setPicked(e.target.value)
                  setIndex(0)
                }}
              >
                {quarters.data?.items.map((q) => (
                  <option key={q.quarter} value={q.quarter}>
                    {q.quarter} · {q.label}
                    {q.quarter === quarters.data?.current ? ' (in progress)' : ''}
                  </option>
                ))}
              </select>
            </label>
            {quarter !== undefined && deck.data !== undefined && <ExportPanel quarter={quarter} />}
          </div>
        }
      />
      {quarters.data !== undefined && quarters.data.items.length === 0 && <p className="muted">This workspace has no goals, content or conversations yet, so there is no quarter to review.</p>}
      {deck.error !== undefined && (
        <p className="review-error" role="alert">
          {deck.error.message}
        </p>
      )}
      {deck.data !== undefined && slide !== undefined && (
        <div className="review-body">
          <ol className="review-thumbs" ref={thumbs} aria-label="Slides">
            {slides.map((s, i) => (
              <li key={s.key} data-index={i}>
                <button
                  type="button"
                  className={`review-thumb${i === index ? ' active' : ''}`}
                  aria-current={i === index ? 'true' : undefined}
                  onClick={() => setIndex(i)}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowDown' || e.key === 'ArrowRight') move(1)
                    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft') move(-1)
                    else return
                    e.preventDefault()
                  }}
                >
                  {/* The name is the visible label (WCAG 2.5.3: say "click Executive summary"); the miniature repeats
                      the slide's words and would drown it, so assistive tech skips it. */}
                  <span aria-hidden="true">
                    <SlideView slide={s} width={176} />
                  </span>
                  <span className="review-thumb-label">
                    <span className="sr-only">Slide </span>
                    {s.number}. {s.title}
                  </span>
                </button>
              </li>
            ))}
          </ol>
          <div className="review-main">
            <div className="review-stage" ref={bigRef} data-testid="large-slide">
              {bigWidth > 0 && <SlideView slide={slide} width={bigWidth} />}
            </div>
            <div className="review-side">
              <SlideNotes quarter={deck.data.quarter} slideKey={slide.key} slideTitle={slide.title} notes={notes.data?.items ?? []} />
              <details className="card review-speaker">
                <summary>Speaker notes</summary>
                <p className="review-speaker-text">{slide.speakerNotes}</p>
              </details>
              <p className="subtle review-hash">
                Figures as of {deck.data.asOf}. Input hash {deck.data.inputHash.slice(0, 12)}… ({slides.length} slides)
              </p>
            </div>
          </div>
        </div>
      )}
      {deck.loading && deck.data === undefined && <p className="muted">Building the deck…</p>}
    </div>
  )
}
