import { vocabularies } from '../../../../core/domain/vocabularies'
import type { FieldSpec } from '../../components/fieldSpec'

/** Every field of a content item, as the side panel edits them (checklist and series have their own controls). */
export const contentFields: readonly FieldSpec[] = [
  { name: 'title', label: 'Title', input: 'text', wide: true },
  { name: 'status', label: 'Status', input: 'select', options: vocabularies.contentStatus },
  { name: 'ownerId', label: 'Owner', input: 'ref', refKind: 'member' },
  { name: 'channelId', label: 'Channel', input: 'ref', refKind: 'channel' },
  { name: 'campaignId', label: 'Campaign', input: 'ref', refKind: 'campaign' },
  { name: 'format', label: 'Format', input: 'select', options: vocabularies.contentFormat },
  { name: 'pillar', label: 'Pillar', input: 'text' },
  { name: 'plannedDate', label: 'Planned date', input: 'date', help: 'When it is planned on the calendar' },
  { name: 'dueDate', label: 'Internal deadline', input: 'date', help: 'When the draft is due for review' },
  { name: 'publishAt', label: 'Publish time', input: 'datetime', zoneField: 'publishZone', wide: true, help: 'Stored as an instant plus the zone it was planned in' },
  { name: 'effortHours', label: 'Effort (hours)', input: 'number', step: 0.5, min: 0 },
  { name: 'goalId', label: 'Goal', input: 'ref', refKind: 'goal' },
  { name: 'trackingUrl', label: 'Tracking link (UTM)', input: 'text', wide: true },
  { name: 'brief', label: 'Brief', input: 'textarea', wide: true },
  { name: 'resultReach', label: 'Reach', input: 'number' },
  { name: 'resultEngagements', label: 'Engagements', input: 'number' },
  { name: 'resultClicks', label: 'Clicks', input: 'number' },
  { name: 'resultConversions', label: 'Conversions', input: 'number' }
]
