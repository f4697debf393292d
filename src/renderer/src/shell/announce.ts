/** How urgently a screen reader should speak a message: after what it is saying, or at once. */
export type Politeness = 'polite' | 'assertive'
export type Announcement = { message: string; politeness: Politeness; seq: number }
type Listener = (a: Announcement) => void

const listeners = new Set<Listener>()
let seq = 0

/**
 * Speak a short message through the app shell's live region (LiveRegion.tsx): moves, saves and errors
 * that are shown visually somewhere a screen reader would not look. One region for the whole app, so
 * messages never compete; with no region mounted (a unit test) the call is a no-op.
 */
export function announce(message: string, politeness: Politeness = 'polite'): void {
  const text = message.trim()
  if (text === '') return
  seq += 1
  const a = { message: text, politeness, seq }
  for (const l of listeners) l(a)
}

/** For the live region only: hear every announcement; returns the unsubscribe. */
export function onAnnounce(listener: Listener): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}
