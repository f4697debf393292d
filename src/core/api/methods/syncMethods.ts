import { z } from 'zod'
import { ACCESS_ROLES } from '../../sync/access/memberRoles'

/** A problem shown in Sync health: one sentence saying what happened and what to do. */
export const syncProblem = z.object({ code: z.string(), message: z.string(), detail: z.string() })
export type SyncProblem = z.infer<typeof syncProblem>

export const syncDevice = z.object({
  dev: z.string(),
  name: z.string(),
  app: z.string(),
  self: z.boolean(),
  /** How many of our published edits this teammate has received (their ack of our device). */
  received: z.number(),
  lastSeen: z.number().nullable()
})

export const syncStatus = z.object({
  configured: z.boolean(),
  folder: z.string().nullable(),
  teamId: z.string().nullable(),
  encrypted: z.boolean(),
  deviceId: z.string(),
  deviceName: z.string(),
  lastSyncAt: z.number().nullable(),
  /** Local edits not yet verified in the team folder. */
  waiting: z.number(),
  published: z.number(),
  devices: z.array(syncDevice),
  problems: z.array(syncProblem),
  review: z.number(),
  /** The newest team snapshot in the folder: when, by which device, how many edits it covers. */
  snapshot: z.object({ at: z.number(), by: z.string(), edits: z.number() }).nullable(),
  /** How this computer keeps the team key: the OS keychain or a private file. */
  keyProtection: z.enum(['os-keychain', 'file-permissions'])
})
export type SyncStatus = z.infer<typeof syncStatus>

export const syncRoundOut = z.object({
  sent: z.number(),
  received: z.number(),
  review: z.number(),
  problems: z.array(syncProblem),
  /** The team snapshot this round started from (a new member) and the one it wrote, if any. */
  snapshot: z.object({ loaded: z.string().nullable(), created: z.string().nullable(), compacted: z.number() })
})
export type SyncRoundOut = z.infer<typeof syncRoundOut>

const candidate = z.object({ headId: z.string(), value: z.json(), author: z.string(), at: z.string(), shown: z.boolean() })

export const syncReviewItem = z.object({
  id: z.string(),
  kind: z.enum(['field', 'deleted-while-edited', 'bulk-delete']),
  recordKind: z.string(),
  recordLabel: z.string(),
  rowId: z.string(),
  title: z.string(),
  field: z.string(),
  candidates: z.array(candidate),
  base: z.json(),
  long: z.boolean(),
  /** Who deleted and who edited (deleted-while-edited), or who deleted how many rows (bulk). */
  summary: z.string(),
  rows: z.number()
})
export type SyncReviewItem = z.infer<typeof syncReviewItem>

/** A computer asking to join a signed team, as the Members screen shows it. */
export const joinRequest = z.object({
  key: z.string(),
  /** The key id grouped for reading aloud and comparing with the requester's screen. */
  fingerprint: z.string(),
  memberId: z.string(),
  name: z.string(),
  device: z.string(),
  /** Their role in this workspace's member list now; null when the member is unknown here. */
  role: z.enum(ACCESS_ROLES).nullable()
})
export type JoinRequest = z.infer<typeof joinRequest>

const folderPath = z.string().trim().min(1, 'Choose a folder').max(4096)

export const syncMethods = {
  'sync-status': { input: z.object({}), output: syncStatus, summary: 'Team sync status and health: folder, last sync, waiting edits, teammates, problems' },
  'sync-now': {
    input: z.object({ snapshot: z.boolean().optional() }),
    output: syncRoundOut,
    summary: 'Run one full sync round now (publish, pull, manifests); snapshot: true also writes a team snapshot'
  },
  'sync-setup': {
    input: z.object({
      mode: z.enum(['create', 'join']),
      folder: folderPath,
      passphrase: z.string().max(1024).optional(),
      deviceName: z.string().max(80).optional(),
      /** Create only: the team signs every change, with *me* as its root owner (docs/SYNC-SECURITY.md). */
      signed: z.boolean().optional()
    }),
    output: syncStatus,
    summary: 'Create a team in a folder, or join the team already there (optional passphrase; signed: true signs every change)'
  },
  'sync-sign': { input: z.object({}), output: syncStatus, summary: "Owner: start signing an existing team's changes (what was shared before stays legacy, unsigned)" },
  'sync-admit': {
    input: z.object({
      key: z.string().regex(/^[0-9a-f]{16}$/, 'A key id is 16 hex characters'),
      /** The role to give the member the computer signs as (their role is changed first when it differs). */
      role: z.enum(ACCESS_ROLES, { error: 'Role must be owner, approver, editor, contributor or viewer' }).optional()
    }),
    output: syncStatus,
    summary: 'Owner: admit a computer that asked to join a signed team (its key id from sync health), optionally giving its member a role'
  },
  'sync-join-requests': {
    input: z.object({}),
    output: z.array(joinRequest),
    summary: 'Computers asking to join a signed team: who, which computer, the key fingerprint, the role they hold now'
  },
  'sync-device-name': { input: z.object({ name: z.string().trim().min(1, 'Give this device a name').max(80) }), output: syncStatus, summary: "Rename this device as teammates see it" },
  'sync-unlock': { input: z.object({ passphrase: z.string().min(1).max(1024) }), output: syncStatus, summary: 'Enter the team passphrase on this device' },
  'sync-review-list': { input: z.object({}), output: z.array(syncReviewItem), summary: 'The Needs review inbox: conflicting edits, edits to deleted records, bulk deletions' },
  'sync-review-resolve': {
    input: z.object({
      id: z.string().min(1),
      action: z.enum(['keep', 'edit', 'restore', 'keep-deleted', 'dismiss']),
      headId: z.string().optional(),
      value: z.json().optional()
    }),
    output: z.object({ tx: z.string().nullable() }),
    summary: 'Resolve a review item: keep one value, edit, restore or keep deleted, undo a bulk deletion, or dismiss'
  }
}

export const syncChangedEvent = z.object({ at: z.number(), running: z.boolean() })
