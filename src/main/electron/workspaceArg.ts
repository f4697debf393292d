// Pure: which command-line argument names a workspace (a folder or its workspace.sqlite), for the
// first start and for a second instance whose arguments are handed to the running one.

/** The last argument that is not a switch and not the app itself; null when none. */
export function workspaceArg(argv: readonly string[], isPackaged: boolean): string | null {
  // argv[0] is the executable; in development argv[1] is the app folder electron was started with.
  const rest = argv.slice(isPackaged ? 1 : 2).filter((a) => !a.startsWith('-') && a !== '.')
  return rest.at(-1) ?? null
}
