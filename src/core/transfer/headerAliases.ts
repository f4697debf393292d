import type { KindName } from '../domain/recordKinds'

/**
 * Column names other tools and people write, per kind and field. Matched after the field's own name
 * and label, ignoring case, spaces and punctuation ("Publish date", `publish_date` and `publishDate`
 * are one key). Virtual fields start with `_`: `_time` is a time of day that joins the planned date
 * into a publish time; `handles.x` fills one entry of an influencer's handles.
 */
export const headerAliases: Partial<Record<KindName, Record<string, readonly string[]>>> = {
  content: {
    title: ['Title', 'Headline', 'Subject', 'Post title', 'Name'],
    brief: ['Message', 'Text', 'Post', 'Post text', 'Content', 'Caption', 'Copy', 'Body', 'Description', 'Notes'],
    plannedDate: ['Publish date', 'Date', 'Planned date', 'Post date', 'Publish on', 'Day', 'Publication date'],
    publishAt: ['Scheduled time', 'Scheduled at', 'Publish time', 'Posting time', 'Send time', 'Scheduled date', 'Date and time', 'Publish at'],
    _time: ['Time', 'Post time', 'Time of day'],
    publishZone: ['Time zone', 'Timezone', 'Zone'],
    channelId: ['Channel', 'Network', 'Platform', 'Social network', 'Profile', 'Social profile', 'Account', 'Profiles'],
    campaignId: ['Campaign', 'Campaign name'],
    ownerId: ['Owner', 'Author', 'Assignee', 'Assigned to', 'Created by', 'Writer'],
    status: ['Status', 'State', 'Workflow status'],
    effortHours: ['Effort', 'Effort hours', 'Hours', 'Estimated hours'],
    trackingUrl: ['Link', 'URL', 'Link URL', 'Tracking link', 'Tracking URL'],
    pillar: ['Pillar', 'Topic', 'Theme', 'Content pillar'],
    format: ['Format', 'Type', 'Post type', 'Content type'],
    dueDate: ['Due', 'Due date', 'Deadline']
  },
  influencer: {
    // A CRM's own id for the contact: kept as the external id, so the next export updates the same people.
    id: ['Record ID', 'Contact ID', 'Lead ID', 'Contact record ID'],
    name: ['Name', 'Full name', 'Contact name', 'Contact'],
    title: ['Job title', 'Title', 'Position', 'Role'],
    reach: ['Followers', 'Follower count', 'Audience', 'Audience size', 'Reach'],
    'handles.email': ['Email', 'E-mail', 'Email address', 'Work email'],
    'handles.x': ['Twitter', 'Twitter handle', 'X', 'X handle', 'Twitter username'],
    'handles.linkedin': ['LinkedIn', 'LinkedIn URL', 'LinkedIn profile', 'LinkedIn Profile URL'],
    'handles.youtube': ['YouTube', 'YouTube channel'],
    'handles.website': ['Website', 'Web site', 'Blog URL'],
    ownerId: ['Owner', 'Contact owner', 'Account owner', 'Assigned to'],
    notes: ['Notes', 'Comments', 'Description'],
    stage: ['Stage', 'Lifecycle stage', 'Status'],
    topics: ['Topics', 'Tags', 'Interests'],
    lastContactDate: ['Last contacted', 'Last contact', 'Last activity date']
  },
  channel: {
    name: ['Channel', 'Channel name', 'Account', 'Profile'],
    platform: ['Network', 'Platform', 'Type'],
    handle: ['Handle', 'Username', 'URL'],
    audienceSize: ['Audience', 'Followers', 'Subscribers']
  },
  member: { name: ['Full name', 'Person'], email: ['E-mail', 'Email address'], weeklyCapacityHours: ['Hours', 'Hours per week', 'Capacity'] },
  campaign: { name: ['Campaign', 'Campaign name'], startDate: ['Start', 'Starts'], endDate: ['End', 'Ends'] },
  conversation: {
    occurredAt: ['Date', 'Published', 'Created', 'Created at', 'Posted', 'Posted at', 'Time'],
    url: ['URL', 'Link', 'Permalink', 'Post URL', 'Mention URL'],
    author: ['Author', 'From', 'Author name', 'Screen name', 'User'],
    _summary: ['Message', 'Text', 'Snippet', 'Full text', 'Content', 'Description', 'Post'],
    _sentiment: ['Sentiment', 'Tone', 'Polarity'],
    _channel: ['Network', 'Source', 'Source type', 'Page type', 'Platform'],
    language: ['Language', 'Lang']
  }
}

/** The bulk-upload sheets of scheduling tools, header → field, as their templates write them. */
const contentPresets: Record<string, Readonly<Record<string, string>>> = {
  // Hootsuite bulk composer: date and time in one cell (local), the post text, a link.
  hootsuite: { Date: 'publishAt', 'Date (DD/MM/YYYY HH:MM)': 'publishAt', 'Date (MM/DD/YYYY HH:MM)': 'publishAt', Message: 'brief', Text: 'brief', Link: 'trackingUrl', URL: 'trackingUrl', 'Social profile': 'channelId' },
  buffer: { Text: 'brief', 'Posting Time': 'publishAt', 'Image URL': '', Tags: 'pillar', 'Link URL': 'trackingUrl', Channel: 'channelId' },
  sprout: { Date: 'plannedDate', Time: '_time', Message: 'brief', Link: 'trackingUrl', Profile: 'channelId', Network: 'channelId', Tags: 'pillar', 'Image URL': '' },
  later: { Date: 'plannedDate', Time: '_time', Caption: 'brief', 'Media URL': '', Link: 'trackingUrl', 'Social Profile': 'channelId', Profile: 'channelId' }
}

/**
 * The mention exports of monitoring tools, header → conversation field. `_summary` is the text (cut
 * to the field's limit with an ellipsis, said in the preview), `_sentiment` a word or a number scale,
 * `_channel` a network or site: one of our channels when it matches, else kept as the network.
 */
const conversationPresets: Record<string, Readonly<Record<string, string>>> = {
  'hootsuite-streams': { Date: 'occurredAt', Network: '_channel', Author: 'author', Message: '_summary', Link: 'url', 'Post ID': '' },
  sprout: { Date: 'occurredAt', Network: '_channel', 'Message Type': '', Profile: '', From: 'author', Message: '_summary', Link: 'url', Permalink: 'url', Sentiment: '_sentiment', 'Message ID': '' },
  brandwatch: { Date: 'occurredAt', Title: '', Url: 'url', Snippet: '_summary', 'Full Text': '_summary', Author: 'author', Sentiment: '_sentiment', 'Page Type': '_channel', Domain: '', Language: 'language', 'Resource Id': '' },
  mention: { Date: 'occurredAt', Title: '', URL: 'url', Description: '_summary', 'Source Type': '_channel', Author: 'author', Language: 'language', Tone: '_sentiment' },
  talkwalker: { published: 'occurredAt', url: 'url', title: '', content: '_summary', author_name: 'author', sentiment: '_sentiment', source_type: '_channel', lang: 'language' }
}

const presetMaps: Partial<Record<KindName, Record<string, Readonly<Record<string, string>>>>> = { content: contentPresets, conversation: conversationPresets }

/** Every preset name of any kind (the content ones first, as `smo import --help` has always listed them). */
export const presetNames = ['generic', ...new Set(Object.values(presetMaps).flatMap((m) => Object.keys(m)))] as const

/** The presets one kind's import offers. */
export const presetNamesOf = (kind: KindName): string[] => ['generic', ...Object.keys(presetMaps[kind] ?? {})]

/** The monitoring tools' presets: their rows must carry a URL (the key that de-duplicates them) and a date. */
export const isMonitoringPreset = (kind: KindName, preset: string | null): boolean => kind === 'conversation' && preset !== null && preset in conversationPresets

/** A preset's mapping for the headers a file has (generic: none, the aliases do the work); null for an unknown preset. */
export function presetMapping(preset: string, headers: readonly string[], kind: KindName = 'content'): Record<string, string> | null {
  if (preset === 'generic') return {}
  const map = presetMaps[kind]?.[preset]
  if (!map) return null
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  const out: Record<string, string> = {}
  for (const h of headers) {
    const hit = Object.entries(map).find(([k]) => norm(k) === norm(h))
    if (hit) out[h] = hit[1]
  }
  return out
}

/**
 * The columns every export of a monitoring tool has, which together tell it from the others (Brandwatch
 * has "Page Type", Mention "Source Type"). A full export carries dozens more (reach, location, thread
 * ids…): a tool is recognised by these being present, not by every column being known.
 */
const conversationRequired: Readonly<Record<string, readonly string[]>> = {
  'hootsuite-streams': ['Date', 'Network', 'Author', 'Message', 'Link'],
  sprout: ['Date', 'Network', 'From', 'Message'],
  brandwatch: ['Date', 'Url', 'Author', 'Page Type'],
  mention: ['Date', 'URL', 'Description', 'Source Type'],
  talkwalker: ['published', 'url', 'content', 'source_type']
}
const requiredOf: Partial<Record<KindName, Readonly<Record<string, readonly string[]>>>> = { conversation: conversationRequired }

/**
 * Which preset a header row looks like. Where a kind's presets name their required columns (the
 * monitoring tools): the one with all of them present that names most of the file's columns. Otherwise:
 * the one whose template names most of its columns, at least three and all of them.
 */
export function guessPreset(headers: readonly string[], kind: KindName = 'content'): string | null {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '')
  const required = requiredOf[kind]
  let best: { name: string; n: number } | null = null
  if (required !== undefined) {
    const have = new Set(headers.map(norm))
    for (const [name, cols] of Object.entries(required)) {
      if (!cols.every((c) => have.has(norm(c)))) continue
      const n = Object.keys(presetMapping(name, headers, kind) ?? {}).length
      if (best === null || n > best.n) best = { name, n }
    }
    return best?.name ?? null
  }
  for (const name of Object.keys(presetMaps[kind] ?? {})) {
    const r = presetMapping(name, headers, kind)
    const n = r === null ? 0 : Object.keys(r).length
    if (n >= 3 && n === headers.length && (best === null || n > best.n)) best = { name, n }
  }
  return best?.name ?? null
}
