import { lazy, Suspense, type CSSProperties, type ReactNode } from 'react'
import { deckLayout, estimateHeight, FONT, PAGE, type Box } from '../../../../core/deck/deckLayout'
import type { DeckBlock, DeckSlide } from '../../../../core/deck/deckModel'
import { FitBox } from './FitBox'
import { slideTheme as T } from './slideTheme'

// ECharts is most of the bundle: load it with the first chart, as the Goals screen does.
const SlideChart = lazy(() => import('./SlideChart').then((m) => ({ default: m.SlideChart })))

type Props = { slide: DeckSlide; width: number; /** A thumbnail: hidden from assistive technology, the button around it is named by its label. */ ariaHidden?: boolean }

/**
 * A slide drawn from the deck model with the same layout (core deckLayout, in inches) the PPTX and
 * PDF writers use, so the preview, the PowerPoint file and the PDF put the same things in the same
 * places. Sizes scale with `width`: the same component draws thumbnails and the large slide.
 */
export function SlideView({ slide, width, ariaHidden = false }: Props) {
  const inch = width / PAGE.w
  const pt = inch / 72
  const L = deckLayout(slide)
  const cover = slide.key === 'title'
  const at = (b: Box): CSSProperties => ({ position: 'absolute', left: b.x * inch, top: b.y * inch, width: b.w * inch, height: b.h * inch })
  return (
    <div className="slide" style={{ width, height: PAGE.h * inch, background: T.background, color: T.ink, fontFamily: T.font }} data-slide-key={slide.key} aria-hidden={ariaHidden ? true : undefined}>
      <div
        className="slide-title"
        style={{ ...at(L.title), fontSize: (cover ? FONT.coverTitle : FONT.title) * pt, display: 'flex', alignItems: cover ? 'flex-end' : 'flex-start' }}
      >
        <span>{slide.title}</span>
      </div>
      <div style={{ ...at(L.subtitle), fontSize: FONT.subtitle * pt, color: T.muted, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{slide.subtitle}</div>
      <div style={{ ...at({ ...L.subtitle, y: L.subtitle.y + L.subtitle.h, h: 0 }), borderTop: `${Math.max(1, 1.5 * pt)}px solid ${T.accent}` }} />
      <div style={{ ...at(L.footer), fontSize: FONT.footer * pt, color: T.muted }}>{slide.date} · SMO Desk</div>
      <div style={{ ...at(L.number), fontSize: FONT.footer * pt, color: T.muted, textAlign: 'right' }}>{slide.number}</div>
      {L.empty !== null && slide.emptyMessage !== null && (
        <div style={{ ...at(L.empty), fontSize: FONT.emphasis * pt, color: T.muted, fontStyle: 'italic' }}>{slide.emptyMessage}</div>
      )}
      {L.blocks.map((p, i) => (
        <div key={i} style={{ ...at(p.box), overflow: 'hidden' }}>
          {block(p.block, p.box, inch, pt)}
        </div>
      ))}
    </div>
  )
}

function block(b: DeckBlock, box: Box, inch: number, pt: number): ReactNode {
  switch (b.kind) {
    case 'text': {
      // The layout may have squeezed the box below the text's natural height; shrink the text to match, as the writers do.
      const scale = Math.min(1, box.h / estimateHeight(b))
      return (
        <FitBox fitKey={b.lines.map((l) => l.text).join('\n')} fontSize={FONT.body * pt * scale} style={{ lineHeight: 1.25 }}>
          {b.lines.map((l, i) => (
            <p key={i} className={l.level === 1 ? 'slide-bullet' : undefined} style={{ margin: `0 0 ${3 * pt}px`, fontWeight: l.bold === true ? 700 : 400, paddingLeft: l.level === 1 ? 16 * pt : 0 }}>
              {l.level === 1 ? '•  ' : ''}
              {l.text}
            </p>
          ))}
        </FitBox>
      )
    }
    case 'note': {
      const scale = Math.min(1, box.h / estimateHeight(b))
      return (
        <FitBox className="slide-note" fitKey={b.lines.join('\n')} fontSize={FONT.table * pt * scale} style={{ background: T.noteFill, border: `1px solid ${T.accent}`, padding: 6 * pt, lineHeight: 1.25 }}>
          <p style={{ margin: 0, fontWeight: 700 }}>{b.title}</p>
          {b.lines.map((l, i) => (
            <p key={i} style={{ margin: `${2 * pt}px 0 0` }}>
              {l}
            </p>
          ))}
        </FitBox>
      )
    }
    case 'table': {
      const rowH = Math.min(0.3, box.h / (b.rows.length + 2 + (b.footnote === null ? 0 : 1))) * inch
      const size = rowH < 0.3 * inch ? Math.max(7, FONT.table * (rowH / (0.3 * inch))) : FONT.table
      const total = b.columns.reduce((a, c) => a + c.width, 0)
      const cell = (align: 'left' | 'right'): CSSProperties => ({ height: rowH, padding: `0 ${4 * pt}px`, textAlign: align, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', borderBottom: `1px solid ${T.rule}` })
      return (
        <div style={{ fontSize: size * pt }}>
          <div style={{ height: rowH, fontWeight: 700, fontSize: FONT.tableTitle * pt, display: 'flex', alignItems: 'center' }}>{b.title}</div>
          <table className="slide-table" style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
            <colgroup>
              {b.columns.map((c, i) => (
                <col key={i} style={{ width: `${(100 * c.width) / total}%` }} />
              ))}
            </colgroup>
            <thead>
              <tr style={{ background: T.headFill }}>
                {b.columns.map((c, i) => (
                  <th key={i} style={{ ...cell(c.align), fontWeight: 700 }}>
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {b.rows.map((r, ri) => (
                <tr key={ri} style={{ background: ri % 2 === 1 ? T.stripe : T.background }}>
                  {r.map((v, ci) => (
                    <td key={ci} style={cell(b.columns[ci]?.align ?? 'left')} title={v}>
                      {v}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          {b.footnote !== null && <div style={{ height: rowH, display: 'flex', alignItems: 'center', fontStyle: 'italic', color: T.muted, fontSize: (size - 1) * pt }}>{b.footnote}</div>}
        </div>
      )
    }
    case 'chart': {
      const titleH = 16 * pt * 1.4
      return (
        <div>
          <div style={{ height: titleH, fontWeight: 700, fontSize: 13 * pt, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{b.chart.title}</div>
          <Suspense fallback={null}>
            <SlideChart chart={b.chart} width={Math.floor(box.w * inch)} height={Math.floor(box.h * inch - titleH)} px={pt} />
          </Suspense>
        </div>
      )
    }
  }
}
