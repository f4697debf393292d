import { readFileSync } from 'node:fs'
import { ApiError } from '../../../core/api/apiError'
import type { SyncStatus } from '../../../core/api/methods/syncMethods'
import type { Backend } from '../../backend/backend'
import { syncReviewList } from '../../backend/services/syncReview'
import { setSyncFolder, syncAdmit, syncNow, syncSetup, syncStartSigning, syncStatus } from '../../backend/services/syncService'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'
import { authorize } from '../../backend/people/authorize'

function passphraseFrom(file: unknown): string | undefined {
  if (file === undefined) return undefined
  if (typeof file !== 'string' || file === '') throw new UsageError('--passphrase-file needs a file path')
  try {
    // The first line only: editors add a trailing newline that is not part of the passphrase.
    return readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? ''
  } catch {
    throw new UsageError(`Cannot read the passphrase file ${file}`)
  }
}

function printStatus(s: SyncStatus): void {
  if (!s.configured) {
    console.log('Team sync is not set up for this workspace. Run `smo sync init|join --workspace DIR --folder PATH`.')
    return
  }
  console.log(`Team folder: ${s.folder}${s.encrypted ? ' (encrypted)' : ''}`)
  console.log(`This device: ${s.deviceName || '(no name)'} ${s.deviceId}; ${s.published} edits shared, ${s.waiting} waiting`)
  console.log(`Last sync: ${s.lastSyncAt ? new Date(s.lastSyncAt).toISOString() : 'not in this session'}`)
  for (const d of s.devices.filter((x) => !x.self)) console.log(`  ${d.name} (${d.app}): received ${d.received} of ${s.published}`)
  if (s.encrypted) console.log(`Team key on this computer: ${s.keyProtection === 'os-keychain' ? 'in the OS keychain' : 'in a file only your user can read (no keychain)'}`)
  console.log(s.snapshot ? `Team snapshot: ${new Date(s.snapshot.at).toISOString()} by ${s.snapshot.by}, ${s.snapshot.edits} edits` : 'Team snapshot: none yet')
  console.log(`Needs review: ${s.review}`)
  for (const p of s.problems) console.log(`Problem: ${p.message}`)
}

/** `smo sync` runs one round; `status`, `init`, `join` and `snapshot` as sub-commands. */
export const syncCommand = command({
  ...commandSpecs.sync,
  run: async ({ values, positionals }) => {
    const sub = positionals[0] ?? 'round'
    if (!['round', 'status', 'init', 'join', 'snapshot', 'sign', 'admit'].includes(sub) || positionals.length > 1) throw new UsageError(`Unknown sync sub-command "${positionals.join(' ')}"; use status, init, join, snapshot, sign or admit`)
    if (sub === 'admit' && typeof values.key !== 'string') throw new UsageError('smo sync admit needs --key KEYID (the key id sync status shows for the computer asking to join)')
    const folder = typeof values.folder === 'string' && values.folder !== '' ? values.folder : undefined
    if ((sub === 'init' || sub === 'join') && !folder) throw new UsageError(`smo sync ${sub} needs --folder PATH (the shared folder)`)
    const passphrase = passphraseFrom(values['passphrase-file'])
    // join may create the workspace: it is filled from the team's data.
    const b: Backend = await openCliBackend(values, { create: sub === 'join', lock: 'smo sync' })
    try {
      if (sub === 'init' || sub === 'join') {
        authorize(b, 'sync-setup')
        const s = syncSetup(b, { mode: sub === 'init' ? 'create' : 'join', folder: folder ?? '', passphrase, signed: values.signed === true })
        if (values.json) console.log(JSON.stringify(s, null, 2))
        else printStatus(s)
        return s.problems.some((p) => !['clock-ahead', 'newer-app', 'cloned', 'parked', 'damaged', 'snapshot-skipped', 'behind-compaction'].includes(p.code)) ? 1 : 0
      }
      if (sub === 'sign' || sub === 'admit') {
        const s = sub === 'sign' ? syncStartSigning(b) : syncAdmit(b, String(values.key))
        if (values.json) console.log(JSON.stringify(s, null, 2))
        else printStatus(s)
        return 0
      }
      if (sub === 'status') {
        const s = syncStatus(b)
        if (values.json) console.log(JSON.stringify(s, null, 2))
        else printStatus(s)
        return s.configured ? 0 : 1
      }
      if (folder) setSyncFolder(b, folder)
      const r = syncNow(b, { forceSnapshot: sub === 'snapshot' })
      const review = syncReviewList(b)
      if (values.json) console.log(JSON.stringify({ ...r, reviewItems: review }, null, 2))
      else {
        if (r.snapshot.loaded) console.log(`Started from the team snapshot ${r.snapshot.loaded}.`)
        console.log(`Sent ${r.sent} edit(s), received ${r.received}. Needs review: ${r.review}.`)
        if (r.snapshot.created) console.log(`Wrote the team snapshot ${r.snapshot.created}: new members start from it.`)
        else if (sub === 'snapshot') console.log('No snapshot written: publish every edit first (see the problems below).')
        if (r.snapshot.compacted > 0) console.log(`Removed ${r.snapshot.compacted} of this device's old shared files (everyone has them and a snapshot covers them).`)
        for (const i of review) console.log(`  ${i.recordLabel} “${i.title}”${i.field ? ` · ${i.field}` : ''}: ${i.summary}`)
        for (const p of r.problems) console.log(`Problem: ${p.message}`)
      }
      const fatal = r.problems.find((p) => !['clock-ahead', 'newer-app', 'damaged', 'newer-format', 'unavailable', 'busy', 'snapshot-skipped', 'behind-compaction'].includes(p.code))
      return fatal ? 1 : 0
    } catch (err) {
      if (err instanceof ApiError) throw new UsageError(err.message)
      throw err
    } finally {
      b.close()
    }
  }
})
