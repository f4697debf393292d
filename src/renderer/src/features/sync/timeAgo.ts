/** "just now", "4 min ago", "3 h ago", else the date: how long ago a sync or a teammate's round was. */
export function timeAgo(at: number | null, now: number = Date.now()): string {
  if (at === null) return 'not yet'
  const s = Math.round((now - at) / 1000)
  if (s < 45) return 'just now'
  if (s < 3600) return `${Math.max(1, Math.round(s / 60))} min ago`
  if (s < 86_400) return `${Math.round(s / 3600)} h ago`
  return new Date(at).toLocaleDateString()
}
