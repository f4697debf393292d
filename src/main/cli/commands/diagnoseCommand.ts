import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { appLogFile, diagnosticBundle } from '../../backend/diagnose/diagnosticBundle'
import { confSettings } from '../../backend/settings/confSettings'
import { userDataDir } from '../../backend/userDataDir'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'

export const diagnoseCommand = command({
  ...commandSpecs.diagnose,
  run: async ({ values }) => {
    const dir = values.workspace
    const out = values.out
    if (typeof dir !== 'string') throw new UsageError('--workspace DIR is required')
    if (typeof out !== 'string') throw new UsageError('--out FILE.zip is required')
    const file = resolve(out)
    if (!file.toLowerCase().endsWith('.zip')) throw new UsageError(`--out ${out} must end in .zip`)
    if (!existsSync(dirname(file)) || !statSync(dirname(file)).isDirectory()) throw new UsageError(`--out ${out}: the folder ${dirname(file)} does not exist`)
    const zip = await diagnosticBundle({ workspaceDir: resolve(dir), settings: confSettings(userDataDir()).get(), logFile: appLogFile(userDataDir()), now: new Date() })
    // Written beside and renamed, so a half-written zip never sits under the name the user asked for.
    writeFileSync(`${file}.part`, zip)
    renameSync(`${file}.part`, file)
    console.log(`Diagnostic bundle written to ${file} (${Math.ceil(zip.byteLength / 1024)} KB). It holds no records and no secrets; attach it to your support request.`)
    return 0
  }
})
