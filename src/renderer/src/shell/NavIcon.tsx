import type { ScreenId } from './screens'

// Simple 16px stroke icons drawn for this app (no icon font, nothing to load).
const paths: Record<ScreenId, string> = {
  mine: 'M3 4.5l1.5 1.5L7 3.5M3 9l1.5 1.5L7 8M9 5h4.5M9 9.5h4.5M3 13h10.5',
  calendar: 'M3 5.5h10v8H3zM3 8h10M5.5 3.5v3M10.5 3.5v3',
  board: 'M2.5 3h3v10h-3zM6.5 3h3v7h-3zM10.5 3h3v5h-3z',
  channels: 'M3 8a5 5 0 0 1 10 0M5 8a3 3 0 0 1 6 0M8 8v5',
  priorities: 'M3 13V9M6.5 13V6M10 13V8M13.5 13V3',
  influencers: 'M6 7.5a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM2.5 13c.5-2.2 1.8-3.5 3.5-3.5s3 1.3 3.5 3.5M11 5v4M9 7h4',
  conversations: 'M2.5 4h8v5.5H6L3.5 11.5V9.5h-1zM10.5 6.5h3v5h-1v1.8L10.5 11.5H8',
  desk: 'M2.5 13.5h11M4 13.5V9M7 13.5V6M10 13.5V8M13 4.5a1.5 1.5 0 1 1-3 0 1.5 1.5 0 0 1 3 0z',
  goals: 'M8 13.5a5.5 5.5 0 1 0 0-11 5.5 5.5 0 0 0 0 11zM8 10.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5z',
  // A rising line over a baseline: what the work brought.
  results: 'M2.5 13.5h11M3.5 11l3-3.5 2.5 2 4-5M10.5 4.5H13v2.5',
  review: 'M4 2.5h6l2.5 2.5v8.5H4zM6 7h4.5M6 9.5h4.5M6 12h2.5',
  campaigns: 'M3 13.5V2.5M3 3h8l-1.5 2.5L11 8H3',
  links: 'M6.5 9.5a3 3 0 0 0 4.2 0l2.3-2.3a3 3 0 0 0-4.2-4.2L7.6 4.2M9.5 6.5a3 3 0 0 0-4.2 0L3 8.8a3 3 0 0 0 4.2 4.2l1.2-1.2',
  members: 'M5.5 7a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM10.5 7.5a1.7 1.7 0 1 0 0-3.4M2 13c.4-2 1.7-3.3 3.5-3.3S8.6 11 9 13M10.5 9.5c1.6 0 2.7 1.2 3.2 3.5',
  settings: 'M8 10a2 2 0 1 0 0-4 2 2 0 0 0 0 4zM8 2v2M8 12v2M2 8h2M12 8h2M3.8 3.8l1.4 1.4M10.8 10.8l1.4 1.4M3.8 12.2l1.4-1.4M10.8 5.2l1.4-1.4'
}

export function NavIcon({ screen }: { screen: ScreenId }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.3" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={paths[screen]} />
    </svg>
  )
}
