/** One `smo` sub-command. `run` returns the process exit code; errors are one clear line on stderr. */
export type Command = {
  name: string
  summary: string
  usage: string
  examples: string[]
  options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }>
  run: (args: { values: Record<string, string | boolean | string[] | undefined>; positionals: string[] }) => Promise<number>
}

export function command(c: Command): Command {
  return c
}

/** Thrown for a usage or input mistake: printed as one line, exit code 2. */
export class UsageError extends Error {}
