import { useQuery } from '../../api/useQuery'
import { PlaceholderScreen } from './PlaceholderScreen'

/** How much real data already waits for a screen, so the placeholder says something true about this workspace. */
function useCounts(): { content: number | undefined; channels: number | undefined; goals: number | undefined } {
  const { data } = useQuery('workspace-info', {})
  return { content: data?.counts.contentItems, channels: data?.counts.channels, goals: data?.counts.goals }
}

const waiting = (n: number | undefined, what: string): string | undefined =>
  n === undefined ? undefined : `This workspace already holds ${n.toLocaleString()} ${what}; they will appear here.`

export function CalendarScreen() {
  const { content } = useCounts()
  return (
    <PlaceholderScreen
      title="Calendar"
      purpose="The editorial calendar: what gets published where and when."
      coming={[
        'Month, week and agenda views of content items, in each item\'s own time zone',
        'Drag an item to reschedule it',
        'Cadence targets per channel with the gaps shown',
        'Capacity per person against the hours planned',
        'Filters by channel, campaign, owner and status; an .ics export'
      ]}
      footnote={waiting(content, 'content items')}
    />
  )
}

export function BoardScreen() {
  const { content } = useCounts()
  return (
    <PlaceholderScreen
      title="Board"
      purpose="Content by status, from idea to published, with reviews and approvals."
      coming={[
        'Columns per status (idea, draft, in review, approved, scheduled, published)',
        'Drag a card to move it along; approval with the policy checklist and approver',
        'Owner, due date and channel on every card'
      ]}
      footnote={waiting(content, 'content items')}
    />
  )
}

export function PrioritiesScreen() {
  const { channels, goals } = useCounts()
  return (
    <PlaceholderScreen
      title="Priorities"
      purpose="Which channels deserve the team's hours: expected impact on the goals per hour of effort."
      coming={[
        'A transparent score per channel, with the reasoning behind every number',
        'A recommended split of the team\'s weekly hours across channels',
        'What-if weights per goal, and human overrides with a reason',
        'An impact-versus-effort chart'
      ]}
      footnote={channels === undefined || goals === undefined ? undefined : `Scores will use the ${channels} channels and ${goals} goals of this workspace.`}
    />
  )
}

export function ReviewScreen() {
  return (
    <PlaceholderScreen
      title="Review"
      purpose="The quarterly review deck, built from the quarter's data in one click."
      coming={[
        'An editable PowerPoint deck and a PDF',
        'Goals against targets, channel scorecard, content output against plan',
        'Influencer pipeline, inbound conversations, recommended reallocation and decisions'
      ]}
      footnote={<>The same deck will also be available from the command line (<code>smo deck</code>).</>}
    />
  )
}
