/**
 * Other words other tools' exports use for the values of SMO Desk's closed lists, keyed by the value
 * they mean. A scheduler sheet says "Twitter" where SMO Desk says X, "Canceled" where it says
 * Cancelled, "Pending approval" where it says In review; a file should import without hand edits
 * (issue #15). Only words that cannot mean anything else are here: a word that could be two values
 * ("Story": a post or a video?) is left out, so it is refused by row and column with the list of
 * values, never guessed. Compared as the values are: in lower case, with runs of spaces, `_` and `-` as one space.
 */
export const enumSynonyms: Readonly<Record<string, readonly string[]>> = {
  // Platforms
  x: ['twitter', 'x (twitter)', 'twitter/x', 'x/twitter', 'x.com'],
  linkedin: ['linkedin page', 'linkedin company page', 'linkedin profile', 'linked in'],
  facebook: ['facebook page', 'fb', 'meta'],
  instagram: ['ig', 'instagram business'],
  youtube: ['you tube', 'youtube channel'],
  tiktok: ['tik tok', 'tiktok business'],
  threads: ['threads.net', 'instagram threads'],
  bluesky: ['bsky', 'bluesky social'],
  forum: ['community', 'discourse'],
  events: ['event', 'conference', 'meetup'],
  newsletter: ['email newsletter', 'e-mail newsletter', 'mailing'],
  // Content status
  idea: ['backlog', 'proposed idea'],
  in_review: ['pending approval', 'awaiting approval', 'needs approval', 'in approval', 'review', 'for review'],
  scheduled: ['queued', 'in queue'],
  published: ['posted', 'sent', 'live'],
  cancelled: ['canceled'],
  // Content format
  video: ['reel', 'short', 'youtube short', 'shorts'],
  case_study: ['case study', 'customer story'],
  episode: ['podcast episode'],
  // Conversation state
  resolved: ['closed', 'done'],
  // Influencer stage
  advocate: ['ambassador']
}
