import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot } from '../backend/packageRoot'

/** The browser host serves the built renderer; build it once if this checkout has never been built. */
export function ensureRendererBuilt(): string {
  const root = packageRoot()
  const dir = join(root, 'out', 'renderer')
  if (existsSync(join(dir, 'index.html'))) return dir
  console.log('Building the interface once (electron-vite build)…')
  // Taken here, not at the top: child_process brings net, streams and dgram, ~6 ms of every `smo serve` start.
  const { spawnSync } = process.getBuiltinModule('node:child_process')
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite')
  const r = spawnSync(bin, ['build'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0 || !existsSync(join(dir, 'index.html'))) throw new Error('Building the interface failed; run `npm run build` to see why')
  return dir
}
