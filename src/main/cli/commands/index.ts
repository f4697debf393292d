import type { Command } from '../command'
import { adviceCommand } from './adviceCommand'
import { backupCommand } from './backupCommand'
import { checkCommand } from './checkCommand'
import { deckCommand } from './deckCommand'
import { demoCommand } from './demoCommand'
import { diagnoseCommand } from './diagnoseCommand'
import { exportCommand } from './exportCommand'
import { icsCommand } from './icsCommand'
import { importCommand } from './importCommand'
import { restoreCommand } from './restoreCommand'
import { scoreCommand } from './scoreCommand'
import { serveCommand } from './serveCommand'
import { syncCommand } from './syncCommand'

/** Every `smo` sub-command, in the order `smo --help` lists them. Feature areas add theirs here. */
export const commands: Command[] = [demoCommand, serveCommand, checkCommand, scoreCommand, adviceCommand, deckCommand, icsCommand, syncCommand, importCommand, exportCommand, backupCommand, restoreCommand, diagnoseCommand]
