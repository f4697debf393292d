#!/usr/bin/env node
// The `smo` command. SMO Desk needs Node 24 (better-sqlite3 13 is a Node-API 10 binary and crashes on
// older Node), which npm installs as the `node` dev dependency: `npx smo` already runs it. If this file
// is started by an older node directly, re-run it with the project's Node 24.
import { existsSync, readdirSync, statSync } from 'node:fs'
// A namespace import: a named import of enableCompileCache (Node 22.1+) would fail to link on the old
// Node this file must still start under, before the version check below could re-run it.
import * as nodeModule from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const major = Number(process.versions.node.split('.')[0])
if (major < 24) {
  const local = join(root, 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node')
  if (!existsSync(local)) {
    console.error(`smo: SMO Desk needs Node 24 or newer (this is ${process.version}). Run \`npm install\` in ${root}, then use \`npx smo\`.`)
    process.exit(1)
  }
  // Loaded only here: child_process pulls in net, streams and dgram, ~10 ms on every command's start.
  const { spawnSync } = await import('node:child_process')
  const r = spawnSync(local, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(r.status ?? 1)
}
/**
 * Built JavaScript (out/main, from `npm run build`) starts in a fraction of the time and memory of
 * transpiling the sources, and is all an installed copy has. In a source checkout, sources edited
 * after the last build would silently run stale code, so then (and before any build) the sources run
 * through tsx, a development dependency. Only the folders out/main is built from are compared
 * (src/main and src/core): the renderer and the preload have builds of their own, and skipping their
 * ~200 files keeps this walk off the start of every command (issue #17: `smo check` ≤ 200 ms).
 */
function newestSource(dir) {
  let newest = 0
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name)
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs)
  }
  return newest
}
function built(name) {
  const file = join(root, 'out', 'main', `${name}.js`)
  if (!existsSync(file)) return null
  const sources = [join(root, 'src', 'main'), join(root, 'src', 'core')].filter((d) => existsSync(d))
  if (process.env.SMO_FROM_SOURCE !== '1' && sources.every((d) => newestSource(d) <= statSync(file).mtimeMs)) return pathToFileURL(file).href
  return null
}
async function load(name, source) {
  const url = built(name)
  if (url) {
    // Node keeps the compiled code of the built files in its cache folder (checked against each
    // file's contents, so a rebuild is never served stale): later starts skip parsing ~100 kB.
    nodeModule.enableCompileCache?.()
    return import(url)
  }
  const tsx = await import('tsx/esm/api').catch(() => null)
  if (tsx === null) {
    console.error(`smo: this copy of SMO Desk has not been built and has no development tools to run its sources. Run \`npm install && npm run build\` in ${root}.`)
    process.exit(1)
  }
  return tsx.tsImport(join(root, ...source), import.meta.url)
}
if (process.argv[2] === '__sync-pull') {
  // Internal: the child side of a bulk sync pull (src/main/backend/sync/pullInChild.ts). Loaded on its
  // own, without the CLI's commands, so the child starts in a fraction of the time.
  const { pullChildMain } = await load('pullChild', ['src', 'main', 'backend', 'sync', 'pullChild.ts'])
  process.exitCode = await pullChildMain()
} else {
  const { main } = await load('cli', ['src', 'main', 'cli', 'main.ts'])
  process.exitCode = await main(process.argv.slice(2))
}
