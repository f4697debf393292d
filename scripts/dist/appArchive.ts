// Builds the app archive (app.asar) the way electron-builder does — built JavaScript, the CLI launcher,
// fonts, package.json and only the production node_modules — so CI machines that cannot download the
// Electron binary can still check what an installed copy contains and that it runs without the dev
// tree. Run: npx tsx scripts/dist/appArchive.ts [out-dir]   (after `npm run build`)
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, sep } from 'node:path'
import { createPackageWithOptions, extractAll, listPackage } from '@electron/asar'

type Pkg = { name?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }

/** What electron-builder keeps unpacked beside the archive (asarUnpack): native modules cannot load from inside it. */
export const UNPACK = '**/*.node'

const readPkg = (dir: string): Pkg => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Pkg

/** Node's lookup: the nearest node_modules/<name> from `from` up to the project root. */
function resolvePackage(root: string, from: string, name: string): string | null {
  let dir = from
  for (;;) {
    const candidate = join(dir, 'node_modules', name)
    if (existsSync(join(candidate, 'package.json'))) return candidate
    if (dir === root) return null
    dir = dirname(dir)
    // Step out of a nested node_modules folder ("…/node_modules/@scope/pkg" → "…").
    while (dir !== root && (dir.endsWith(`${sep}node_modules`) || dir.split(sep).at(-1)?.startsWith('@'))) dir = dirname(dir)
  }
}

/** Every package folder the app needs at run time: its dependencies and theirs, never devDependencies. */
export function productionPackages(root: string): string[] {
  const found = new Set<string>()
  const visit = (from: string, deps: Record<string, string>, optional: boolean) => {
    for (const name of Object.keys(deps)) {
      const dir = resolvePackage(root, from, name)
      if (dir === null) {
        if (optional) continue
        throw new Error(`appArchive: production dependency "${name}" (needed by ${relative(root, from) || 'package.json'}) is not installed; run npm install`)
      }
      if (found.has(dir)) continue
      found.add(dir)
      const pkg = readPkg(dir)
      visit(dir, pkg.dependencies ?? {}, false)
      visit(dir, pkg.optionalDependencies ?? {}, true)
    }
  }
  visit(root, readPkg(root).dependencies ?? {}, false)
  return [...found].sort()
}

// Inside better-sqlite3 only the loader and its Node-API prebuilds (which Electron loads as they are)
// are needed; its C sources and build intermediates are tens of MB. Source maps are never shipped.
function keep(path: string): boolean {
  if (/[\\/]better-sqlite3[\\/](deps|src|build)([\\/]|$)/.test(path)) return false
  // Nested node_modules/.bin holds symlinks to scripts, which the builder leaves out too.
  if (/[\\/]node_modules[\\/]\.bin([\\/]|$)/.test(path)) return false
  return !/\.map$/.test(path)
}

/** Copy what the installer ships into `stage`, as the builder lays it out. */
export function stageApp(root: string, stage: string): void {
  rmSync(stage, { recursive: true, force: true })
  mkdirSync(stage, { recursive: true })
  if (!existsSync(join(root, 'out', 'main', 'cli.js'))) throw new Error('appArchive: out/main/cli.js is missing; run `npm run build` first')
  for (const part of ['out', 'bin', join('resources', 'fonts')]) cpSync(join(root, part), join(stage, part), { recursive: true, filter: keep })
  writeFileSync(join(stage, 'package.json'), readFileSync(join(root, 'package.json')))
  for (const dir of productionPackages(root)) cpSync(dir, join(stage, relative(root, dir)), { recursive: true, filter: keep })
}

/** Stage and pack `<outDir>/app.asar` (+ app.asar.unpacked); returns the archive's file list. */
export async function buildAppArchive(root: string, outDir: string): Promise<{ archive: string; files: string[] }> {
  const stage = join(outDir, 'stage')
  stageApp(root, stage)
  const archive = join(outDir, 'app.asar')
  rmSync(archive, { force: true })
  rmSync(`${archive}.unpacked`, { recursive: true, force: true })
  await createPackageWithOptions(stage, archive, { unpack: UNPACK })
  rmSync(stage, { recursive: true, force: true })
  return { archive, files: listPackage(archive, { isPack: false }) }
}

/** Unpack the archive to a plain folder (the unpacked native module included) to run it without Electron. */
export function extractAppArchive(archive: string, dest: string): void {
  rmSync(dest, { recursive: true, force: true })
  extractAll(archive, dest)
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const root = join(import.meta.dirname, '..', '..')
  const out = process.argv[2] ?? join(root, 'dist', 'archive-check')
  const { archive, files } = await buildAppArchive(root, out)
  console.log(`appArchive: ${archive} with ${files.length} entries`)
}
