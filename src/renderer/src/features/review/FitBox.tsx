import { useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react'

type Props = { fontSize: number; style?: CSSProperties; className?: string; children: ReactNode }

/**
 * A box whose text shrinks until it fits, like PowerPoint's "shrink text on overflow" that the PPTX
 * asks for and the PDF writer's fitSize: wrapped lines are only known once the browser lays them out.
 */
export function FitBox({ fontSize, style, className, children }: Props) {
  const ref = useRef<HTMLDivElement>(null)
  const [scale, setScale] = useState(1)
  useLayoutEffect(() => setScale(1), [fontSize, children])
  useLayoutEffect(() => {
    const el = ref.current
    if (el === null) return
    if (el.scrollHeight > el.clientHeight + 1 && scale > 0.4) setScale((s) => Math.round((s - 0.06) * 100) / 100)
  }, [scale, fontSize, children])
  return (
    <div ref={ref} className={className} style={{ ...style, height: '100%', overflow: 'hidden', boxSizing: 'border-box', fontSize: fontSize * scale }}>
      {children}
    </div>
  )
}
