/**
 * Default share of a channel's audience that one post reaches organically, per platform: the prior for
 * reach per post until the channel's own published results say otherwise. A person can set the share on
 * the channel (with a note on where it came from); these are only the starting point, deliberately on the
 * cautious side of published industry figures, because the first model's "every post reaches the whole
 * audience" overstated results up to ~70×.
 */
export type OrganicReachPrior = { share: number; source: string }

export const ORGANIC_REACH: Record<string, OrganicReachPrior> = {
  linkedin: { share: 0.07, source: 'LinkedIn company page posts typically reach 5–8 % of followers organically.' },
  x: { share: 0.04, source: 'Posts on X are typically seen by 2–5 % of followers without promotion.' },
  facebook: { share: 0.05, source: 'Facebook page posts reach about 2–6 % of followers organically.' },
  instagram: { share: 0.1, source: 'Instagram feed posts reach roughly 8–14 % of followers.' },
  mastodon: { share: 0.15, source: 'Mastodon has no ranking algorithm; boosts and time zones limit a post to roughly 10–20 % of followers.' },
  tiktok: { share: 0.1, source: 'TikTok shows most of a business post’s views to non-followers; views equal to roughly 5–15 % of the follower count are typical, and vary widely.' },
  threads: { share: 0.05, source: 'Brand posts on Threads are typically seen by about 3–8 % of followers.' },
  bluesky: { share: 0.15, source: 'Bluesky’s default Following feed is chronological: as on Mastodon, time zones and volume limit a post to roughly 10–20 % of followers.' },
  reddit: { share: 0.02, source: 'A post is seen by about 1–3 % of a subreddit’s members, most of them on its first day.' },
  youtube: { share: 0.08, source: 'A new video typically gets views from 5–10 % of subscribers in its first weeks.' },
  newsletter: { share: 0.4, source: 'B2B newsletters see open rates around 35–45 % of subscribers.' },
  blog: { share: 0.05, source: 'A blog post is read by a few per cent of the site’s monthly audience; most traffic goes to older posts.' },
  forum: { share: 0.1, source: 'A community thread is read by about a tenth of active members.' },
  podcast: { share: 0.3, source: 'An episode reaches about a third of subscribers in its first month.' },
  events: { share: 0.25, source: 'About a quarter of those invited register for or attend an event.' },
  webinar: { share: 0.25, source: 'B2B webinars convert roughly 20–30 % of the invited list into registrants.' },
  other: { share: 0.05, source: 'No platform figure: a cautious 5 % of the audience per post.' }
}

/** The share the model uses for a channel and where it came from. */
export function organicReach(platform: string, share: number | null, note = ''): OrganicReachPrior & { fromChannel: boolean } {
  if (share !== null && Number.isFinite(share) && share > 0 && share <= 1) return { share, source: note.trim() === '' ? 'Set on the channel.' : note.trim(), fromChannel: true }
  const prior = ORGANIC_REACH[platform] ?? ORGANIC_REACH.other ?? { share: 0.05, source: '' }
  return { ...prior, fromChannel: false }
}
