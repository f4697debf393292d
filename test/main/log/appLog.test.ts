import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { appLog, appLogFile } from '../../../src/main/backend/log/appLog'
import { teeConsoleToLog } from '../../../src/main/backend/log/teeConsoleToLog'
import { runSmo } from '../helpers/runSmo'

const fixed = () => new Date('2026-12-06T01:00:00.000Z')

describe('appLog', () => {
  it('appends one stamped line per entry, a multi-line message kept on one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smo-log-'))
    const log = appLog(appLogFile(dir), { source: 'serve', now: fixed })
    log.write('warn', 'sync folder unreachable')
    log.write('error', 'boom\n    at x (y.ts:1)')
    expect(readFileSync(log.file, 'utf8')).toBe(
      '2026-12-06T01:00:00.000Z WARN [serve] sync folder unreachable\n2026-12-06T01:00:00.000Z ERROR [serve] boom ⏎     at x (y.ts:1)\n'
    )
  })

  it('rotates before the cap and keeps only the given number of old files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smo-log-'))
    const log = appLog(appLogFile(dir), { source: 'desktop', maxBytes: 1000, keep: 2, now: fixed })
    for (let i = 0; i < 200; i++) log.write('warn', `line ${i} ${'x'.repeat(40)}`)
    const files = readdirSync(join(dir, 'logs')).sort()
    expect(files).toEqual(['smo.1.log', 'smo.2.log', 'smo.log'])
    for (const f of files) expect(statSync(join(dir, 'logs', f)).size).toBeLessThanOrEqual(1000)
    // The newest line is in smo.log, and what came just before it in smo.1.log.
    expect(readFileSync(join(dir, 'logs', 'smo.log'), 'utf8')).toContain('line 199 ')
    const older = readFileSync(join(dir, 'logs', 'smo.1.log'), 'utf8').trim().split('\n')
    const newer = readFileSync(join(dir, 'logs', 'smo.log'), 'utf8').trim().split('\n')
    const n = (l: string) => Number(/line (\d+)/.exec(l)?.[1])
    expect(n(older.at(-1) ?? '') + 1).toBe(n(newer[0] ?? ''))
  })

  it('never throws when the folder cannot be written', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smo-log-'))
    // The "logs folder" is a file: every write fails, quietly.
    const log = appLog(join(dir, 'logs', 'smo.log'), { source: 'cli' })
    writeFileSync(join(dir, 'logs'), 'not a folder')
    expect(() => log.write('error', 'still fine')).not.toThrow()
  })

  it('console.warn and console.error reach the log and the console', () => {
    const dir = mkdtempSync(join(tmpdir(), 'smo-log-'))
    const log = appLog(appLogFile(dir), { source: 'desktop', now: fixed })
    const undo = teeConsoleToLog(log)
    try {
      console.warn('update feed %s is unusable', 'ftp://x')
      console.error(new Error('disk gone').message)
    } finally {
      undo()
    }
    console.warn('after undo: not logged')
    const text = readFileSync(log.file, 'utf8')
    expect(text).toContain('WARN [desktop] update feed ftp://x is unusable')
    expect(text).toContain('ERROR [desktop] disk gone')
    expect(text).not.toContain('after undo')
  })
})

describe('smo writes its errors to logs/smo.log', () => {
  it('a failed command leaves its one-line error in the user-data log', () => {
    const userData = mkdtempSync(join(tmpdir(), 'smo-log-ud-'))
    const r = runSmo(userData, 'check', '--workspace', join(userData, 'no-such-workspace'))
    expect(r.status).not.toBe(0)
    const file = appLogFile(userData)
    expect(existsSync(file)).toBe(true)
    expect(readFileSync(file, 'utf8')).toMatch(/ERROR \[cli check\] smo check: .*no-such-workspace/)
  })
})
