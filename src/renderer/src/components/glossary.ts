/**
 * The words the app uses that a newcomer may not know, each in one plain sentence. docs/GLOSSARY.md
 * prints the same sentences (test/renderer/glossary.test.ts keeps the two in step); `<Term>` shows
 * the sentence on hover wherever the word appears.
 */
export const glossary = {
  pin: { term: 'Pin', meaning: "fix a channel's hours by hand (at least N hours a week, or excluded), with a written reason; the recommendation works around it" },
  cadence: { term: 'Cadence', meaning: 'how many posts a week a channel is meant to get; weeks under or over it are marked on the calendar' },
  capacity: { term: 'Capacity', meaning: "the hours a week a member (or the whole team) has for this work; planned effort is compared with it" },
  effort: { term: 'Effort', meaning: 'the hours a piece of content or a channel takes: hours per post times posts, plus fixed hours' },
  impact: { term: 'Impact', meaning: "how much of this quarter's remaining goal gap a channel is expected to close, in points, after confidence" },
  score: { term: 'Score', meaning: 'impact points per 100 hours of effort; the ranking on Priorities sorts by it' },
  confidence: { term: 'Confidence', meaning: "how far to trust a channel's estimates, from 0 (a guess) to 1 (well measured); impact is scaled by it" },
  expectedRate: { term: 'Expected rate', meaning: 'how many units of a goal a channel brings per 1,000 people reached, as estimated by the team' },
  observedRate: { term: 'Observed rate', meaning: 'the same rate measured from published results of the last 12 months' },
  blendedRate: { term: 'Blended rate', meaning: 'the estimate and the observed rate mixed, leaning on the observed one as results accumulate' },
  staleEstimate: { term: 'Stale estimate', meaning: "a channel's estimates not reviewed for over 90 days; its confidence is lowered until someone reviews them" },
  snapshot: { term: 'Snapshot', meaning: 'a saved copy of the ranking and its inputs on a day, so you can see later what moved a channel' },
  goalWeight: { term: 'Goal weight', meaning: 'how much a goal counts when channels are ranked; the weights are shares of 100 %' },
  pace: { term: 'Pace', meaning: "where a goal should be today if it moved evenly from its baseline to its target over the quarter" },
  plannedDate: { term: 'Planned date', meaning: 'the day an item sits on in the calendar; not yet a promise to publish then' },
  publishTime: { term: 'Publish time', meaning: 'the moment an item goes out, kept with the time zone it was planned in so daylight-saving changes never move it' },
  backlog: { term: 'Backlog', meaning: 'ideas and drafts without a planned date, waiting to be put on a day' },
  series: { term: 'Series', meaning: 'items that repeat (weekly, every N weeks or monthly) and can be edited together' },
  clash: { term: 'Clash', meaning: 'two items on one channel too close together, or the same title or link twice in a week' },
  pillar: { term: 'Pillar', meaning: 'one of the few themes the team writes about; used to colour and filter the calendar' },
  policyChecklist: { term: 'Policy checklist', meaning: "the points every item must meet before it can be approved; Settings → Publishing policy edits them" },
  needsReview: { term: 'Needs review', meaning: 'a field two teammates changed differently while apart; you choose which value stays' }
} as const satisfies Record<string, { term: string; meaning: string }>

export type GlossaryId = keyof typeof glossary
