import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'

type Props = { fontSize: number; fitKey: string; style?: CSSProperties; className?: string; children: ReactNode }

/**
 * A box whose text shrinks until it fits, like PowerPoint's "shrink text on overflow" that the PPTX
 * asks for and the PDF writer's fitSize: wrapped lines are only known once the browser lays them out.
 * `fitKey` names the content; a new key starts again from full size.
 */
export function FitBox({ fontSize, fitKey, style, className, children }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const key = `${fontSize} ${fitKey}`
  const [fit, setFit] = useState({ key, scale: 1 })
  const scale = fit.key === key ? fit.scale : 1
  useLayoutEffect(() => {
    const el = ref.current
    if (el === null || el.scrollHeight <= el.clientHeight + 1 || scale <= 0.4) return
    setFit({ key, scale: Math.round((scale - 0.06) * 100) / 100 })
  }, [key, scale])
  return (
    <div ref={ref} className={className} style={{ ...style, height: '100%', overflow: 'hidden', boxSizing: 'border-box', fontSize: fontSize * scale }}>
      {children}
    </div>
  )
}
