import type { Command } from '../command'
import { commandSpecs, type CommandSpec } from './commandSpecs'

/**
 * Every `smo` sub-command, in the order `smo --help` lists them, each loaded only when it runs:
 * `smo check` must not pay for the deck writers, the importers and the browser host (issue #17:
 * ≤ 200 ms and ≤ 100 MB). Feature areas add theirs here as one line: name → import, and its help
 * text to commandSpecs.ts.
 */
export const commandLoaders: readonly (readonly [name: keyof typeof commandSpecs, load: () => Promise<Command>])[] = [
  ['demo', async () => (await import('./demoCommand')).demoCommand],
  ['samples', async () => (await import('./samplesCommand')).samplesCommand],
  ['new', async () => (await import('./newCommand')).newCommand],
  ['serve', async () => (await import('./serveCommand')).serveCommand],
  ['check', async () => (await import('./checkCommand')).checkCommand],
  ['score', async () => (await import('./scoreCommand')).scoreCommand],
  ['advice', async () => (await import('./adviceCommand')).adviceCommand],
  ['deck', async () => (await import('./deckCommand')).deckCommand],
  ['ics', async () => (await import('./icsCommand')).icsCommand],
  ['sync', async () => (await import('./syncCommand')).syncCommand],
  ['import', async () => (await import('./importCommand')).importCommand],
  ['export', async () => (await import('./exportCommand')).exportCommand],
  ['backup', async () => (await import('./backupCommand')).backupCommand],
  ['restore', async () => (await import('./restoreCommand')).restoreCommand],
  ['members', async () => (await import('./membersCommand')).membersCommand],
  ['mine', async () => (await import('./mineCommand')).mineCommand],
  ['history', async () => (await import('./historyCommand')).historyCommand],
  ['links', async () => (await import('./linksCommand')).linksCommand],
  ['results', async () => (await import('./linksCommand')).resultsCommand],
  ['tasks', async () => (await import('./sharingCommands')).tasksCommand],
  ['comments', async () => (await import('./sharingCommands')).commentsCommand],
  ['inbox', async () => (await import('./inboxCommand')).inboxCommand],
  ['handoffs', async () => (await import('./handoffsCommand')).handoffsCommand],
  ['diagnose', async () => (await import('./diagnoseCommand')).diagnoseCommand]
]

/** What each command's help says, in the same order, without loading any command (`smo --help`). */
export function commandHelpSpecs(): CommandSpec[] {
  return commandLoaders.map(([name]) => commandSpecs[name])
}

/** Every command, loaded (for the tests that walk them all). */
export async function loadCommands(): Promise<Command[]> {
  return Promise.all(commandLoaders.map(([, load]) => load()))
}
