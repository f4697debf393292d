import { useEffect, useState } from 'react'
import { onAnnounce, type Announcement } from './announce'

/**
 * The app's two live regions (polite and assertive), always in the DOM so screen readers have
 * registered them before the first message. A message is cleared and re-set on the next frame, so the
 * same words twice ("Saved", "Saved") are still spoken twice.
 */
export function LiveRegion() {
  const [polite, setPolite] = useState('')
  const [assertive, setAssertive] = useState('')
  useEffect(() => {
    let frame = 0
    const off = onAnnounce((a: Announcement) => {
      const set = a.politeness === 'assertive' ? setAssertive : setPolite
      set('')
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(() => set(a.message))
    })
    return () => {
      cancelAnimationFrame(frame)
      off()
    }
  }, [])
  return (
    <>
      <div className="live-region" role="status" aria-live="polite" aria-atomic="true" data-testid="live-polite">{polite}</div>
      <div className="live-region" role="alert" aria-live="assertive" aria-atomic="true" data-testid="live-assertive">{assertive}</div>
    </>
  )
}
