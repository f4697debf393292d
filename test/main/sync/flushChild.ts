/**
 * Child process for the kill -9 test: opens a workspace, makes `n` edits, then publishes them with a
 * hook that announces the step on stdout and stalls, so the parent can SIGKILL it exactly there.
 * Usage: flushChild.ts WORKSPACE TEAMDIR TEAMID N STEP   (STEP = afterTempWrite | afterRename | none)
 */
import { createBackend } from '../../../src/main/backend/backend'
import { openWorkspace } from '../../../src/main/backend/openWorkspace'
import { recordService } from '../../../src/main/backend/services/recordService'
import { memorySettings } from '../../../src/main/backend/settings/confSettings'
import { fileSecrets } from '../../../src/main/backend/settings/fileSecrets'
import { flushOutbox } from '../../../src/main/backend/sync/folderSync'
import { SqliteSyncStore } from '../../../src/main/backend/sync/sqliteSyncStore'
import { SyncFolder } from '../../../src/main/backend/sync/syncFolder'

const [wsDir = '', teamDir = '', teamId = '', nText = '0', step = 'none'] = process.argv.slice(2)
const stall = (label: string) => () => {
  process.stdout.write(`${label}\n`)
  // Block the thread without returning to the event loop: the parent kills us here.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 30_000)
}
const ws = await openWorkspace(wsDir, { lock: 'flush child' })
const b = createBackend(ws, memorySettings(), fileSecrets(`${wsDir}-userdata`))
for (let i = 0; i < Number(nText); i++) recordService.create(b, 'channel', { name: `Killed ${i}`, platform: 'blog' })
process.stdout.write('EDITED\n')
const store = new SqliteSyncStore(b.db.raw, b.ws.deviceId)
const hooks = step === 'afterTempWrite' ? { afterTempWrite: stall('STEP') } : step === 'afterRename' ? { afterRename: stall('STEP') } : {}
flushOutbox(store, new SyncFolder(teamDir, { teamId, hooks }))
process.stdout.write('DONE\n')
b.close()
