import { z } from 'zod'

/** Closed vocabularies of the product (PRODUCT.md "Records"). Labels are what the UI shows. */
export const enums = {
  goalKind: z.enum(['count', 'rate', 'money'], { error: 'Goal kind must be count, rate or money' }),
  driver: z.enum(['revenue', 'reputation', 'reach', 'return_on_operations', 'customer_care']),
  platform: z.enum([
    'blog', 'linkedin', 'x', 'youtube', 'newsletter', 'forum', 'podcast', 'events',
    'webinar', 'instagram', 'facebook', 'mastodon', 'other'
  ]),
  channelStatus: z.enum(['proposed', 'active', 'paused', 'retired']),
  contentStatus: z.enum(['idea', 'draft', 'in_review', 'approved', 'scheduled', 'published', 'cancelled']),
  contentFormat: z.enum(['post', 'article', 'video', 'thread', 'newsletter', 'episode', 'event', 'webinar', 'case_study', 'other']),
  stage: z.enum(['identified', 'following', 'engaged', 'collaborating', 'advocate']),
  interactionKind: z.enum(['email', 'call', 'meeting', 'dm', 'comment', 'event', 'other']),
  conversationType: z.enum(['praise', 'complaint', 'question', 'product_feedback', 'lead', 'press', 'crisis']),
  sentiment: z.enum(['positive', 'neutral', 'negative']),
  /** Where a conversation stands on the listening desk (issue #16): only resolved stops its clocks. */
  conversationState: z.enum(['new', 'triaged', 'assigned', 'waiting', 'resolved']),
  priority: z.enum(['low', 'normal', 'high', 'urgent']),
  expertAvailability: z.enum(['available', 'limited', 'away']),
  watchKind: z.enum(['blog', 'community', 'forum', 'influencer']),
  /** What became of a lead handed to sales. */
  handoffOutcome: z.enum(['open', 'exported', 'accepted', 'opportunity', 'customer', 'disqualified']),
  /** What a member may do (issue #14): owner > approver > editor > contributor > viewer. */
  access: z.enum(['owner', 'approver', 'editor', 'contributor', 'viewer'], { error: 'Access must be owner, approver, editor, contributor or viewer' })
}

export const enumLabels: Record<string, string> = {
  count: 'Count or total', rate: 'Rate (%)', money: 'Money',
  revenue: 'Revenue', reputation: 'Reputation', reach: 'Reach', return_on_operations: 'Return on operations',
  customer_care: 'Customer care', blog: 'Blog', linkedin: 'LinkedIn', x: 'X', youtube: 'YouTube',
  newsletter: 'Newsletter', forum: 'Community forum', podcast: 'Podcast', events: 'Events', webinar: 'Webinar',
  instagram: 'Instagram', facebook: 'Facebook', mastodon: 'Mastodon', other: 'Other', proposed: 'Proposed',
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
