import { parseArgs } from 'node:util'
import { ApiError } from '../../core/api/apiError'
import { WorkspaceError } from '../backend/workspaceError'
import { UsageError } from './command'
import { commandSpecs, type CommandSpec } from './commands/commandSpecs'
import { commandHelpSpecs, commandLoaders } from './commands/index'
import { takeAsOption } from './actAsOption'
import { appLog, appLogFile } from '../backend/log/appLog'
import { teeConsoleToLog } from '../backend/log/teeConsoleToLog'
import { userDataDir } from '../backend/userDataDir'

function help(commands: readonly CommandSpec[]): string {
  const lines = ['smo — SMO Desk on the command line', '', 'Usage: smo <command> [options]', '', 'Commands:']
  for (const c of commands) lines.push(`  ${c.name.padEnd(8)} ${c.summary}`)
  lines.push('', 'Examples:')
  for (const c of commands) for (const e of c.examples) lines.push(`  ${e}`)
  lines.push('', 'Run `smo <command> --help` for a command\'s options. Data lives in the workspace folder you pass with --workspace.')
  lines.push('Every command acts as this computer\'s "me" for the workspace, or as --as NAME where the roles allow it.')
  return lines.join('\n')
}

function commandHelp(c: CommandSpec): string {
  return [`${c.summary}`, '', `Usage: ${c.usage}`, '', 'Examples:', ...c.examples.map((e) => `  ${e}`)].join('\n')
}

/** Entry of the `smo` binary: parse, run one command, and turn every failure into one line and an exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help(commandHelpSpecs()))
    return 0
  }
  const entry = commandLoaders.find(([n]) => n === name)
  if (!entry) {
    console.error(`smo: unknown command "${name}". Run \`smo --help\` for the list.`)
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    // From the help text alone: loading the command would load the backend it runs on.
    console.log(commandHelp(commandSpecs[entry[0]]))
    return 0
  }
  const cmd = await entry[1]()
  // Errors and warnings (a failed command, the browser host's sync problems) also go to the log the
  // diagnostic bundle reads; the internal pull child is not a command and stays out of it.
  teeConsoleToLog(appLog(appLogFile(userDataDir()), { source: name === 'serve' ? 'serve' : `cli ${name}` }))
  try {
    const parsed = parseArgs({ args: takeAsOption(rest), options: cmd.options, allowPositionals: true, strict: true })
    return await cmd.run({ values: parsed.values as Record<string, string | boolean | string[] | undefined>, positionals: parsed.positionals })
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      // parseArgs messages span lines; a usage error stays one line.
      console.error(`smo ${cmd.name}: ${(e as Error).message.replace(/\s*\n\s*/g, ' ').replace(/\.+$/, '')}. Usage: ${cmd.usage}`)
      return 2
    }
    if (e instanceof WorkspaceError) {
      console.error(`smo ${cmd.name}: ${e.message}`)
      return 3
    }
    if (e instanceof ApiError) {
      console.error(`smo ${cmd.name}: ${e.describe()}`)
      return 1
    }
    console.error(`smo ${cmd.name}: ${e instanceof Error ? e.message : String(e)}`)
    return 1
  }
}
