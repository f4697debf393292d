import type { CalendarCell } from '../../../../core/calendar/calendarCells'
import type { ColorBy } from './usePlannerState'

// A palette readable on light and dark surfaces (chips draw a tinted background and a solid edge).
const PALETTE = ['#3b82f6', '#e8590c', '#2f9e44', '#ae3ec9', '#f59f00', '#0ca678', '#e64980', '#4263eb', '#868e96', '#d6336c', '#1098ad', '#74b816']

export const statusColors: Record<string, string> = {
  idea: '#868e96', draft: '#4263eb', in_review: '#f59f00', approved: '#2f9e44', scheduled: '#1098ad', published: '#5c940d', cancelled: '#c92a2a'
}

function hash(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0
  return h
}

export type ColorKey = { key: string; label: string; color: string }

/** The colour of an item under the chosen scheme, and the legend entry it belongs to. */
export function colorKeyOf(item: CalendarCell, by: ColorBy, names: { channel: ReadonlyMap<string, string>; campaign: ReadonlyMap<string, { name: string; color: string }> }, order: readonly string[]): ColorKey {
  switch (by) {
    case 'status':
      return { key: item.status, label: item.status, color: statusColors[item.status] ?? '#868e96' }
    case 'campaign': {
      const c = item.campaignId === null ? undefined : names.campaign.get(item.campaignId)
      return c === undefined ? { key: '', label: 'No campaign', color: '#adb5bd' } : { key: item.campaignId ?? '', label: c.name, color: c.color }
    }
    case 'pillar':
      return item.pillar === '' ? { key: '', label: 'No pillar', color: '#adb5bd' } : { key: item.pillar, label: item.pillar, color: PALETTE[hash(item.pillar) % PALETTE.length] ?? '#868e96' }
    default: {
      if (item.channelId === null) return { key: '', label: 'No channel', color: '#adb5bd' }
      const i = order.indexOf(item.channelId)
      return { key: item.channelId, label: names.channel.get(item.channelId) ?? 'Channel', color: PALETTE[(i < 0 ? hash(item.channelId) : i) % PALETTE.length] ?? '#868e96' }
    }
  }
}
