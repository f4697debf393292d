#!/usr/bin/env node
// The `smo` command. SMO Desk needs Node 24 (better-sqlite3 13 is a Node-API 10 binary and crashes on
// older Node), which npm installs as the `node` dev dependency: `npx smo` already runs it. If this file
// is started by an older node directly, re-run it with the project's Node 24.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  const local = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node')
  if (!existsSync(local)) {
    console.error(`smo: SMO Desk needs Node 24 or newer (this is ${process.version}). Run \`npm install\` in ${root}, then use \`npx smo\`.`)
    process.exit(1)
  }
  const r = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(r.status ?? 1)
}
const { tsImport } = await import('tsx/esm/api')
if (process.argv[2] === '__sync-pull') {
  // Internal: the child side of a bulk sync pull (src/main/backend/sync/pullInChild.ts). Loaded on its
  // own, without the CLI's commands, so the child starts in a fraction of the time.
  const { pullChildMain } = await tsImport(join(root, 'src', 'main', 'backend', 'sync', 'pullChild.ts'), import.meta.url)
  process.exitCode = await pullChildMain()
} else {
  const { main } = await tsImport(join(root, 'src', 'main', 'cli', 'main.ts'), import.meta.url)
  process.exitCode = await main(process.argv.slice(2))
}
