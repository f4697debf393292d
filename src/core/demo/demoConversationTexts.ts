import type { z } from 'zod'
import type { enums } from '../domain/enums'

type ConversationType = z.infer<typeof enums.conversationType>

/**
 * What people say about Northwind, by conversation type. `{theme}` is one of the product-feedback
 * themes below, which also becomes the conversation's tag so the review can count themes.
 */
export const demoConversationTexts: {
  themes: readonly string[]
  summaries: Record<ConversationType, readonly string[]>
  resolutions: Record<ConversationType, readonly string[]>
} = {
  themes: ['SSO', 'pricing', 'alert noise', 'dbt integration', 'Snowflake', 'BigQuery', 'lineage', 'Slack alerts', 'onboarding', 'docs', 'API', 'RBAC', 'data contracts', 'anomaly detection'],
  summaries: {
    praise: [
      'Says {theme} saved their team a weekend of firefighting',
      'Shared a screenshot of the {theme} view with "finally"',
      'Recommended Northwind in a thread asking about {theme}',
      'Thanked the team for the fast answer on {theme} in the forum'
    ],
    complaint: [
      'Frustrated by {theme}: too many alerts on low-impact tables',
      'Complains that {theme} setup took two days, not two hours',
      'Public post: {theme} broke after the last release',
      'Unhappy that {theme} is only in the enterprise tier'
    ],
    question: [
      'Asks whether {theme} works with on-prem Postgres',
      'How to tune thresholds for {theme} on seasonal tables?',
      'Is there a Terraform provider for {theme} configuration?',
      'Asks how {theme} is billed for dev environments'
    ],
    product_feedback: [
      'Wants {theme} rules per domain team, not per workspace',
      'Asks for {theme} export to their incident tool',
      'Suggests grouping related {theme} alerts into one incident',
      'Requests {theme} support for column-level owners'
    ],
    lead: [
      'Data lead evaluating tools; asked about {theme} and a trial',
      'Asked for a demo after the webinar, mainly about {theme}',
      'Procurement question on {theme} from a 600-person retailer',
      'Commented "we need this" on the {theme} launch post; works at a fintech'
    ],
    press: [
      'Trade journalist asks for a comment on {theme} for a data-quality roundup',
      'Analyst firm asks to brief on {theme} before their market report'
    ],
    crisis: [
      'Thread claims {theme} leaked customer table names; picked up by a newsletter',
      'Outage post about {theme} trending in the data engineering community'
    ]
  },
  resolutions: {
    praise: ['Thanked them and asked to reuse the quote', 'Reshared with permission; added to customer stories list'],
    complaint: ['Explained the noise-reduction settings; they turned on grouping', 'Bug confirmed and fixed in the next patch; replied publicly', 'Offered a setup call; follow-up done'],
    question: ['Answered with a docs link and an example config', 'Answered in the forum; turned into an FAQ entry', 'Support ticket opened and answered the same day'],
    product_feedback: ['Logged in the product board and linked to the roadmap item', 'Shared with the PM; added to next quarter discovery', 'Already planned; told them the release window'],
    lead: ['Handed to sales as an SQL; demo booked', 'Trial started; nurture sequence assigned', 'Not a fit (too small); pointed to the free tier'],
    press: ['Quote from the VP Engineering sent; article published', 'Briefing held; facts sheet shared'],
    crisis: ['Incident statement posted; root cause published the next day', 'Claim corrected publicly with engineering’s findings; thread calmed down']
  }
}
