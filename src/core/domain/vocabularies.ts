/**
 * Closed vocabularies of the product (PRODUCT.md "Records") as plain lists, and the labels the UI shows.
 * No zod here: the calendar's first paint needs the lists and labels, not the schemas (`enums.ts`
 * builds those from these lists), and loading zod and every schema at start cost the renderer a
 * 165 kB chunk ahead of the first screen (issue #17).
 */
export const vocabularies = {
  goalKind: ['count', 'rate', 'money'],
  driver: ['revenue', 'reputation', 'reach', 'return_on_operations', 'customer_care'],
  platform: [
    'blog', 'linkedin', 'x', 'youtube', 'newsletter', 'forum', 'podcast', 'events',
    'webinar', 'instagram', 'facebook', 'mastodon', 'tiktok', 'threads', 'bluesky', 'reddit', 'other'
  ],
  channelStatus: ['proposed', 'active', 'paused', 'retired'],
  contentStatus: ['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'cancelled'],
  contentFormat: ['post', 'article', 'video', 'thread', 'newsletter', 'episode', 'event', 'webinar', 'case_study', 'other'],
  stage: ['identified', 'following', 'engaged', 'collaborating', 'advocate'],
  interactionKind: ['email', 'call', 'meeting', 'dm', 'comment', 'event', 'other'],
  conversationType: ['praise', 'complaint', 'question', 'product_feedback', 'lead', 'press', 'crisis'],
  sentiment: ['positive', 'neutral', 'negative'],
  /** Where a conversation stands on the listening desk (issue #16): only resolved stops its clocks. */
  conversationState: ['new', 'triaged', 'assigned', 'waiting', 'resolved'],
  priority: ['low', 'normal', 'high', 'urgent'],
  expertAvailability: ['available', 'limited', 'away'],
  watchKind: ['blog', 'community', 'forum', 'influencer'],
  /** What became of a lead handed to sales. */
  handoffOutcome: ['open', 'exported', 'accepted', 'opportunity', 'customer', 'disqualified'],
  /** What a member may do (issue #14): owner > approver > editor > contributor > viewer. */
  access: ['owner', 'approver', 'editor', 'contributor', 'viewer']
} as const satisfies Record<string, readonly [string, ...string[]]>

export const enumLabels: Record<string, string> = {
  count: 'Count or total', rate: 'Rate (%)', money: 'Money',
  revenue: 'Revenue', reputation: 'Reputation', reach: 'Reach', return_on_operations: 'Return on operations',
  customer_care: 'Customer care', blog: 'Blog', linkedin: 'LinkedIn', x: 'X', youtube: 'YouTube',
  newsletter: 'Newsletter', forum: 'Community forum', podcast: 'Podcast', events: 'Events', webinar: 'Webinar',
  instagram: 'Instagram', facebook: 'Facebook', mastodon: 'Mastodon', tiktok: 'TikTok', threads: 'Threads',
  bluesky: 'Bluesky', reddit: 'Reddit', other: 'Other', proposed: 'Proposed',
  active: 'Active', paused: 'Paused', retired: 'Retired', idea: 'Idea', draft: 'Draft', in_review: 'In review',
  approved: 'Approved', scheduled: 'Scheduled', published: 'Published', cancelled: 'Cancelled', post: 'Post',
  article: 'Article', video: 'Video', thread: 'Thread', episode: 'Episode', event: 'Event', case_study: 'Case study',
  identified: 'Identified', following: 'Following', engaged: 'Engaged', collaborating: 'Collaborating',
  advocate: 'Advocate', email: 'Email', call: 'Call', meeting: 'Meeting', dm: 'Direct message', comment: 'Comment',
  praise: 'Praise', complaint: 'Complaint', question: 'Question', product_feedback: 'Product feedback', lead: 'Lead',
  positive: 'Positive', neutral: 'Neutral', negative: 'Negative', new: 'New', routed: 'Routed', resolved: 'Resolved',
  press: 'Press', crisis: 'Crisis', triaged: 'Triaged', assigned: 'Assigned', waiting: 'Waiting', low: 'Low', normal: 'Normal',
  high: 'High', urgent: 'Urgent', available: 'Available', limited: 'Limited', away: 'Away', community: 'Community',
  influencer: 'Influencer', open: 'Open', exported: 'Exported', accepted: 'Accepted', opportunity: 'Opportunity',
  customer: 'Customer', disqualified: 'Disqualified',
  owner: 'Owner', approver: 'Approver', editor: 'Editor', contributor: 'Contributor', viewer: 'Viewer',
  // Outcome-ledger metrics (a goal's "progress from results").
  sessions: 'Web sessions', engaged_sessions: 'Engaged sessions', key_events: 'Key events', leads: 'Leads',
  opportunities: 'Opportunities', pipeline_value: 'Pipeline value', closed_revenue: 'Closed revenue'
}

export function labelOf(value: string): string {
  return enumLabels[value] ?? value
}
