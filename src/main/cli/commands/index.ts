import type { Command } from '../command'
import { adviceCommand } from './adviceCommand'
import { backupCommand } from './backupCommand'
import { checkCommand } from './checkCommand'
import { deckCommand } from './deckCommand'
import { demoCommand } from './demoCommand'
import { exportCommand } from './exportCommand'
import { icsCommand } from './icsCommand'
import { importCommand } from './importCommand'
import { newCommand } from './newCommand'
import { restoreCommand } from './restoreCommand'
import { scoreCommand } from './scoreCommand'
import { serveCommand } from './serveCommand'
import { commentsCommand, tasksCommand } from './sharingCommands'
import { syncCommand } from './syncCommand'

/** Every `smo` sub-command, in the order `smo --help` lists them. Feature areas add theirs here. */
export const commands: Command[] = [demoCommand, newCommand, serveCommand, checkCommand, scoreCommand, adviceCommand, deckCommand, icsCommand, syncCommand, importCommand, exportCommand, backupCommand, restoreCommand, tasksCommand, commentsCommand]
