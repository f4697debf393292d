// `npm test`: everything CI checks, in order — typecheck, lint, build, unit and integration tests
// (vitest), end-to-end tests in Chromium (Playwright) — then one closing line `N passed, N failed`
// counted from the runners' JSON reports (plus one per check step), also written to reports/summary.txt.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => join(root, 'node_modules', '.bin', name)
const reports = join(root, 'reports')
rmSync(reports, { recursive: true, force: true })
mkdirSync(reports, { recursive: true })

const only = process.argv[2] // optional: `npm test -- unit` or `-- e2e`
const steps = [
  { name: 'typecheck', cmd: 'npm', args: ['run', '-s', 'typecheck'] },
  { name: 'lint', cmd: 'npm', args: ['run', '-s', 'lint'] },
  { name: 'build', cmd: bin('electron-vite'), args: ['build'] },
  { name: 'unit', cmd: bin('vitest'), args: ['run'], report: 'unit.json' },
  { name: 'e2e', cmd: bin('playwright'), args: ['test'], report: 'e2e.json' }
].filter((s) => !only || s.name === only || (only === 'e2e' && s.name === 'build'))

let passed = 0
let failed = 0
const failures = []
for (const step of steps) {
  const started = Date.now()
  console.log(`\n── ${step.name} ──`)
  const r = spawnSync(step.cmd, step.args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1' } })
  const ok = r.status === 0
  const secs = ((Date.now() - started) / 1000).toFixed(1)
  if (step.report) {
    const file = join(reports, step.report)
    const counts = existsSync(file) ? countReport(JSON.parse(readFileSync(file, 'utf8'))) : null
    if (counts) {
      passed += counts.passed
      failed += counts.failed
      if (!ok && counts.failed === 0) failed += 1 // the runner failed outside any test (setup, crash)
    } else {
      failed += 1
    }
    if (!ok) failures.push(step.name)
  } else if (ok) passed += 1
  else {
    failed += 1
    failures.push(step.name)
  }
  console.log(`── ${step.name}: ${ok ? 'ok' : 'FAILED'} in ${secs} s`)
}

/** Vitest's JSON (Jest-shaped) and Playwright's JSON reports. */
function countReport(json) {
  if (typeof json.numPassedTests === 'number') return { passed: json.numPassedTests, failed: json.numFailedTests }
  if (json.stats) return { passed: json.stats.expected + (json.stats.flaky ?? 0), failed: json.stats.unexpected }
  return null
}

const line = `${passed} passed, ${failed} failed`
writeFileSync(join(reports, 'summary.txt'), `${line}\n`)
if (failures.length) console.log(`\nFailed steps: ${failures.join(', ')}`)
console.log(line)
process.exit(failed > 0 || failures.length ? 1 : 0)
