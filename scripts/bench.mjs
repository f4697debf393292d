// `npm run bench`: run every bench/*.bench.ts (each default-exports `run(): Promise<BenchResult[]>`),
// print the figures and write BENCHMARKS.md with the machine and the date. Speed goals are checked
// here, never by timed assertions in tests. `npm run bench -- scoring` runs only matching files and replaces only their sections.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem, release, platform } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const filter = process.argv[2]
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && (!filter || f.includes(filter)))
  .sort()

const sections = []
for (const f of files) {
  console.log(`\n▶ ${f}`)
  const started = Date.now()
  const mod = await tsImport(join(root, 'bench', f), import.meta.url)
  const results = await mod.default()
  for (const r of results) console.log(`  ${r.name}: ${fmt(r.value)} ${r.unit}${r.target ? `  (target ${r.target})` : ''}`)
  sections.push({ file: f, results, secs: (Date.now() - started) / 1000 })
}

function fmt(v) {
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2)
}

const cpu = cpus()
const lines = [
  '# Benchmarks',
  '',
  `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC.`,
  '',
  `Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${platform()} ${release()}, Node ${process.versions.node}.`,
  '',
  'Figures are medians unless the row says otherwise. Targets come from the issues; they are goals to watch, not test assertions.',
  ''
]
const stamp = new Date().toISOString().slice(0, 16).replace('T', ' ')
const sectionText = (s) =>
  [
    `## ${s.file.replace('.bench.ts', '')}`,
    '',
    ...(filter ? [`_Measured on ${stamp} UTC by \`npm run bench -- ${filter}\` (a filtered run), same machine line as above unless it says otherwise._`, ''] : []),
    '| measure | value | target | note |',
    '| --- | --- | --- | --- |',
    ...s.results.map((r) => `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${r.target ?? ''} | ${r.note ?? ''} |`),
    '',
    `_(${s.secs.toFixed(1)} s for this file)_`,
    ''
  ].join('\n')
const out = join(root, 'BENCHMARKS.md')
if (!filter) writeFileSync(out, [...lines, ...sections.map(sectionText)].join('\n'))
else {
  // A filtered run replaces (or adds) only its own sections, each marked with when it was measured, so
  // one figure can be re-measured without a full run and the others keep their date.
  const old = existsSync(out) ? readFileSync(out, 'utf8') : lines.join('\n')
  const parts = old.split(/\n(?=## )/)
  for (const s of sections) {
    const name = `## ${s.file.replace('.bench.ts', '')}`
    const i = parts.findIndex((p) => p.split('\n')[0] === name)
    if (i >= 0) parts[i] = sectionText(s)
    else parts.push(sectionText(s))
  }
  writeFileSync(out, parts.join('\n'))
  console.log(`\n(filtered run: only its sections of BENCHMARKS.md were replaced)`)
}
