// `npm start`: build, then open the desktop app. Where the Electron binary is missing and cannot be
// fetched (an offline machine), say so in one line and open the browser host on the same workspace.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name)

const build = spawnSync(bin('electron-vite'), ['build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
if (build.status !== 0) {
  console.error('npm start: the build failed (see above).')
  process.exit(1)
}

function electronBinary() {
  const pkg = join(root, 'node_modules', 'electron')
  const pathTxt = join(pkg, 'path.txt')
  if (!existsSync(pathTxt)) return null
  const exe = join(pkg, 'dist', readFileSync(pathTxt, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

let exe = electronBinary()
if (!exe && existsSync(bin('install-electron'))) {
  // Electron 45 downloads its binary on first use; try once, quietly, with a time limit.
  spawnSync(bin('install-electron'), [], { cwd: root, stdio: 'ignore', timeout: 180_000 })
  exe = electronBinary()
}

const child = exe
  ? spawn(exe, ['.'], { cwd: root, stdio: 'inherit' })
  : (console.log('Electron is not available on this machine (its binary could not be downloaded), so SMO Desk opens in your browser instead.'),
    spawn(process.execPath, [join(root, 'bin', 'smo.mjs'), 'serve', '--create-demo', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' }))
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
