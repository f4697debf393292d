import type { Access } from '../people/access'
import type { Method } from './contract'
import type { Kebab } from './kindMethod'

/** The least role a method needs, and what it does in words for the refusal sentence. */
export type MethodRole = { role: Access; doing: string }

type Crud<K extends string> = Record<`${Kebab<K>}-${'list' | 'get' | 'create' | 'update' | 'delete'}`, MethodRole>

/** The five generated methods of a record kind: reading for everyone, writing from `write` up. */
function crud<K extends string>(kind: K, plural: string, write: Access): Crud<K> {
  const k = kind.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
  const read: MethodRole = { role: 'viewer', doing: `Reading ${plural}` }
  return {
    [`${k}-list`]: read,
    [`${k}-get`]: read,
    [`${k}-create`]: { role: write, doing: `Creating ${plural}` },
    [`${k}-update`]: { role: write, doing: `Changing ${plural}` },
    [`${k}-delete`]: { role: write, doing: `Deleting ${plural}` }
  } as Crud<K>
}

const read = (doing: string): MethodRole => ({ role: 'viewer', doing })

/**
 * Who may call what (issue #14), checked by `dispatch` before any handler runs, on IPC, HTTP and the
 * CLI alike. Typed `Record<Method, …>`, so a new method without an entry fails the typecheck. This is
 * the floor: the services add per-record rules on top (a contributor edits only items they own; only an
 * approver touches approved content; only owners change members), in backend `people/recordAccess.ts`.
 *
 * - viewer: reads everything, writes nothing (per-machine things like the theme excepted);
 * - contributor: creates and edits their own content, influencers and conversations, requests approval;
 * - editor: creates and edits anything not approved (channels, goals, campaigns, imports…);
 * - approver: approves, schedules and publishes, plus everything an editor does;
 * - owner: members and roles, policy, the team profile and team sync, plus everything else.
 */
export const methodRoles = {
  ...crud('member', 'members', 'owner'),
  ...crud('goal', 'goals', 'editor'),
  ...crud('measurement', 'measurements', 'editor'),
  ...crud('channel', 'channels', 'editor'),
  ...crud('campaign', 'campaigns', 'editor'),
  ...crud('content', 'content items', 'contributor'),
  ...crud('influencer', 'influencers', 'contributor'),
  ...crud('conversation', 'conversations', 'contributor'),
  ...crud('pin', 'pins', 'editor'),
  ...crud('scoreSnapshot', 'score snapshots', 'editor'),
  ...crud('deckNote', 'deck notes', 'editor'),
  ...crud('savedView', 'saved views', 'contributor'),
  ...crud('workspacePolicy', 'the publishing policy', 'owner'),
  'score-list': read('Reading priorities'),
  'score-allocate': read('Reading priorities'),
  'score-sensitivity': read('Reading priorities'),
  'score-explain': read('Reading priorities'),
  'score-snapshot-create': { role: 'editor', doing: 'Saving a score snapshot' },
  'score-weights-save': { role: 'editor', doing: 'Changing goal weights' },
  'channel-duplicates': read('Reading channels'),
  'score-backtest': read('Reading the backtest'),
  'score-model': read('Reading the model'),
  'workspace-info': read('Reading the workspace'),
  'workspace-check': read('Checking the workspace'),
  // This computer's own settings (theme, window, filters): not team data, so every role may.
  'settings-get': read('Reading settings'),
  'settings-update': read('Changing this computer’s settings'),
  'settings-ui-set': read('Changing this computer’s settings'),
  'workspace-profile-get': read('Reading the team profile'),
  'workspace-profile-save': { role: 'owner', doing: 'Changing the team profile' },
  'change-list': read('Reading the change log'),
  'deck-quarters': read('Reading the review'),
  'deck-preview': read('Reading the review'),
  // Writes a file into this computer's exports folder, not the workspace: reading, as far as the team goes.
  'deck-export': read('Exporting the review deck'),
  'deck-file': read('Exporting the review deck'),
  'deck-note-save': { role: 'editor', doing: 'Writing notes on the review deck' },
  'goal-progress': read('Reading goals'),
  'calendar-range': read('Reading the calendar'),
  'calendar-month': read('Reading the calendar'),
  'calendar-backlog': read('Reading the calendar'),
  'calendar-board': read('Reading the board'),
  'calendar-cadence': read('Reading the calendar'),
  'calendar-capacity': read('Reading the calendar'),
  'calendar-clashes': read('Reading the calendar'),
  'calendar-create': { role: 'contributor', doing: 'Creating content items' },
  'calendar-update': { role: 'contributor', doing: 'Changing content items' },
  'calendar-delete': { role: 'contributor', doing: 'Deleting content items' },
  'calendar-repeat': { role: 'contributor', doing: 'Repeating content items' },
  'calendar-policy-get': read('Reading the publishing policy'),
  'calendar-policy-set': { role: 'owner', doing: 'Changing the publishing policy' },
  'calendar-ics': read('Exporting the calendar'),
  'history-state': read('Reading undo steps'),
  'history-undo': { role: 'contributor', doing: 'Undoing a change' },
  'history-redo': { role: 'contributor', doing: 'Redoing a change' },
  'sync-status': read('Reading team sync'),
  // Receiving teammates' work is reading; what this computer sends was checked when it was written.
  'sync-now': read('Syncing'),
  'sync-setup': { role: 'owner', doing: 'Setting up team sync' },
  'sync-device-name': read('Naming this computer'),
  'sync-unlock': read('Unlocking team sync on this computer'),
  'sync-review-list': read('Reading sync items to review'),
  'sync-review-resolve': { role: 'editor', doing: 'Resolving sync conflicts' },
  'import-preview': { role: 'editor', doing: 'Importing' },
  'import-apply': { role: 'editor', doing: 'Importing' },
  'import-start': { role: 'editor', doing: 'Importing' },
  'import-progress': { role: 'editor', doing: 'Importing' },
  'import-cancel': { role: 'editor', doing: 'Importing' },
  'export-csv': read('Exporting'),
  'export-json': read('Exporting'),
  'sample-get': read('Making a sample export'),
  'export-table': read('Exporting'),
  'backup-create': read('Backing up'),
  'backup-list': read('Reading backups'),
  'restore-inspect': read('Reading a backup'),
  'restore-apply': { role: 'owner', doing: 'Restoring a backup' },
  'advice-get': read('Reading advice'),
  'advice-republish-add': { role: 'contributor', doing: 'Adding to the backlog' },
  // Picking or switching "me" has its own rules (people/meService.ts): open to everyone here.
  'me-get': read('Reading who you are'),
  'me-set': read('Choosing who you are'),
  'record-history': read('Reading history'),
  'mine-get': read('Reading my work'),
  'sync-sign': { role: 'owner', doing: 'Turning on signed team sync' },
  'sync-admit': { role: 'owner', doing: 'Admitting a computer to the team' },
  'sync-join-requests': read('Reading who asks to join the team'),
  // Comments: anyone who may write may discuss; editing and deleting are limited to the author in the service.
  'comment-list': read('Reading comments'),
  'comment-add': { role: 'contributor', doing: 'Commenting' },
  'comment-edit': { role: 'contributor', doing: 'Editing a comment' },
  'comment-resolve': { role: 'contributor', doing: 'Resolving a comment thread' },
  'comment-delete': { role: 'contributor', doing: 'Deleting a comment' },
  ...crud('taskTemplate', 'task templates', 'editor'),
  ...crud('linkConvention', 'the link convention', 'owner'),
  ...crud('trackedLink', 'tracked links', 'contributor'),
  ...crud('outcome', 'results', 'editor'),
  ...crud('task', 'tasks', 'contributor'),
  'task-template-apply': { role: 'contributor', doing: 'Applying a task template' },
  'task-for-item': read('Reading tasks'),
  'task-set-done': { role: 'contributor', doing: 'Ticking off a task' },
  'task-range': read('Reading tasks'),
  'task-summary': read('Reading tasks'),
  'task-mine': read('Reading my tasks'),
  // Notifications concern only *me* on this computer: read marks and choices are local.
  'notification-list': read('Reading notifications'),
  'notification-mark': read('Marking notifications'),
  'notification-mark-all': read('Marking notifications'),
  'notification-prefs-get': read('Reading notification choices'),
  'notification-prefs-set': read('Choosing notifications'),
  'desk-stats': read('Reading the desk numbers'),
  // The listening desk (issue #16): answering is a contributor's work on the conversations assigned to
  // them (the service checks whose); the directory, rules, ladders and settings are the editors'.
  ...crud('expert', 'experts', 'editor'),
  ...crud('watch', 'watched sources', 'contributor'),
  ...crud('routingRule', 'routing rules', 'editor'),
  ...crud('escalationLadder', 'escalation ladders', 'editor'),
  ...crud('approvedAnswer', 'approved answers', 'approver'),
  ...crud('handoff', 'hand-offs', 'contributor'),
  ...crud('deskPolicy', 'desk settings', 'editor'),
  'inbox-list': read('Reading the inbox'),
  'inbox-get': read('Reading the inbox'),
  'conversation-triage': { role: 'contributor', doing: 'Triaging conversations' },
  'routing-propose': read('Reading routing proposals'),
  'routing-try': read('Trying routing rules'),
  'conversation-assign': { role: 'contributor', doing: 'Assigning conversations' },
  'conversation-reply': { role: 'contributor', doing: 'Writing replies' },
  'conversation-respond': { role: 'contributor', doing: 'Answering conversations' },
  'conversation-resolve': { role: 'contributor', doing: 'Resolving conversations' },
  'conversation-reopen': { role: 'contributor', doing: 'Reopening conversations' },
  'conversation-escalate': { role: 'contributor', doing: 'Escalating conversations' },
  'conversation-checklist-set': { role: 'contributor', doing: 'Ticking off a crisis checklist' },
  // Escalating breaches is the desk's own rule applied on time, not a person's choice: anyone's app runs it.
  'desk-scan': read('Checking response times'),
  'desk-settings-get': read('Reading desk settings'),
  'desk-settings-set': { role: 'editor', doing: 'Changing desk settings' },
  'answer-suggest': read('Reading approved answers'),
  'expert-leave': { role: 'editor', doing: 'Recording that an expert left' },
  'handoff-export': read('Exporting hand-offs'),
  'link-convention-get': read('Reading the link convention'),
  'link-convention-save': { role: 'owner', doing: 'Changing the link convention' },
  'link-check': read('Checking a link'),
  'link-save': { role: 'contributor', doing: 'Saving a tracked link' },
  'link-registry': read('Reading tracked links'),
  'results-import': { role: 'editor', doing: 'Importing results' },
  'results-summary': read('Reading results')
} satisfies Record<Method, MethodRole>
