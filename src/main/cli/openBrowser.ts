/** Best effort: a headless machine simply has no browser to open, and the printed address still works. */
export function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open'
  const args = process.platform === 'win32' ? ['/c', 'start', '', url] : [url]
  try {
    // Taken when used: child_process brings net, streams and dgram, ~6 ms of a start that opens no browser.
    const { spawn } = process.getBuiltinModule('node:child_process')
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true })
    child.on('error', () => {})
    child.unref()
  } catch {
    // No opener on this machine.
  }
}
