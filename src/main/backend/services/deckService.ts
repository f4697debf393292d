import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { basename, isAbsolute, join, resolve } from 'node:path'
import { ApiError } from '../../../core/api/apiError'
import type { ApiInput, ApiOutput } from '../../../core/api/contract'
import { buildDeckModel } from '../../../core/deck/buildDeckModel'
import type { DeckModel } from '../../../core/deck/deckModel'
import type { DeckHasher } from '../../../core/deck/inputHash'
import { quarter, type Quarter } from '../../../core/goals/quarter'
import type { Backend } from '../backend'
import { workspaceProfileOf } from './workspaceProfileService'
import { quarterCounts, readDeckInput } from '../deck/readDeckInput'
import { deckHours } from './deckHours'
import { deskDeckInput } from './deskStats'
import { ledgerDeckInput } from '../links/ledgerDeckInput'
import { localDay } from '../localDay'

type ExportInput = ApiInput<'deck-export'>
type ExportOutput = ApiOutput<'deck-export'>
export type ExportProgress = (format: 'pptx' | 'pdf', fraction: number, step: string) => void

/** node:crypto gives the same SHA-256 as the pure core hasher, about 20× faster on 100k rows. */
const nodeHasher = (): DeckHasher => {
  const h = createHash('sha256')
  return { update: (t: string) => void h.update(t, 'utf8'), digest: () => h.digest('hex') }
}

/** Strict quarter parse with the message a person can act on ('2026-Q5', '26Q1' are refused). */
export function parseQuarter(key: string): Quarter {
  const r = quarter.parse(key.trim())
  if (!r.ok) throw new ApiError('invalid_input', r.message, [{ path: ['quarter'], message: r.message }])
  return r.quarter
}

export function todayOf(b: Backend): string {
  return localDay(b.now())
}

export function workspaceName(b: Backend): string {
  return workspaceProfileOf(b).name
}

/** File-name-safe form of the workspace name: 'Acme Marketing' → 'Acme-Marketing'. */
function slug(name: string): string {
  const s = name.normalize('NFKD').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '')
  return s === '' ? 'workspace' : s.slice(0, 60)
}

export const deckService = {
  /**
   * Quarters with any goal, content, goal measurement or conversation, newest first; quarters that have
   * not begun are left out (a deck of them is refused), even when goals or content are planned there.
   */
  quarters(b: Backend): ApiOutput<'deck-quarters'> {
    const current = quarter.containing(todayOf(b)).key
    return {
      current,
      items: quarterCounts(b.db)
        .filter((c) => c.quarter <= current)
        .map((c) => ({ ...c, label: quarter.label(quarter.of(c.quarter)) }))
    }
  },

  /**
   * The deck model for a quarter, read from the database. A quarter without goals, content,
   * measurements or conversations is refused rather than rendered as a deck of empty slides.
   */
  model(b: Backend, key: string, asOf?: string): DeckModel {
    const qr = parseQuarter(key)
    refuseFuture(qr, todayOf(b))
    if (asOf !== undefined) checkAsOf(asOf)
    const generatedAt = new Date(b.now()).toISOString()
    const today = todayOf(b)
    // A quarter that has ended is reviewed with the plan it had (estimates, pins, goals on its last
    // day, from the change log), so the deck built next month shows the same numbers.
    const planAsOf = qr.end < today ? (asOf !== undefined && asOf < qr.end ? asOf : qr.end) : null
    const plan = deckHours(b, qr, planAsOf)
    // The rate the hours are costed at is part of that plan too; the team's name is today's.
    const costs = workspaceProfileOf(b, planAsOf)
    const read = readDeckInput(b.db, qr.key, {
      workspaceName: workspaceName(b),
      generatedAt,
      asOf,
      hours: plan.hours,
      predicted: plan.predicted,
      scenario: plan.scenario,
      money: { hourlyRate: costs.blendedHourlyRate, currency: costs.currency },
      planAsOf
    })
    // The listening desk's slides read numbers computed over the whole quarter (deskStats.ts).
    const input = { ...read, desk: deskDeckInput(b, qr, asOf ?? today), ledger: ledgerDeckInput(b, qr, asOf ?? today, planAsOf) }
    const inQuarter = (d: string | null): boolean => d !== null && quarter.contains(qr, d.slice(0, 10))
    const hasData =
      input.goals.some((g) => g.quarter === qr.key) ||
      input.contentItems.some((c) => inQuarter(c.publishAt ?? c.plannedDate)) ||
      input.measurements.some((m) => inQuarter(m.date)) ||
      input.conversations.some((c) => inQuarter(c.occurredAt))
    if (!hasData) {
      const known = quarterCounts(b.db).map((c) => c.quarter)
      const hint = known.length === 0 ? 'The workspace holds no dated records yet.' : `Quarters with data: ${known.slice(0, 8).join(', ')}${known.length > 8 ? '…' : ''}.`
      throw new ApiError('not_found', `No data for ${qr.key} (${quarter.label(qr)}): no goals, content, measurements or conversations fall in it. ${hint}`, [
        { path: ['quarter'], message: 'No data in this quarter' }
      ])
    }
    return buildDeckModel(input, { hasher: nodeHasher })
  },

  /**
   * Writes the deck as PPTX and/or PDF into the workspace's exports folder (or a folder given by the
   * caller). Each writer writes a temp file and renames it, so a failure leaves no partial file.
   */
  async export(b: Backend, input: ExportInput, onProgress: ExportProgress = () => undefined): Promise<ExportOutput> {
    const started = performance.now()
    const dir = exportDir(b, input.dir)
    const model = deckService.model(b, input.quarter, input.asOf)
    const formats = (['pptx', 'pdf'] as const).filter((f) => input.formats.includes(f))
    const base = `${slug(model.workspaceName)}-review-${model.quarter}`
    // Share of the progress bar per format: the PDF draws charts as vectors and takes longer.
    const weight = { pptx: formats.length === 2 ? 0.4 : 1, pdf: formats.length === 2 ? 0.6 : 1 }
    let done = 0
    const files: ExportOutput['files'] = []
    for (const format of formats) {
      const path = join(dir, `${base}.${format}`)
      const report = (f: number, step: string) => onProgress(format, Math.min(1, done + f * weight[format]), step)
      // The writers pull in pptxgenjs, pdfkit, fontkit and echarts (most of a command's start-up
      // memory); loaded only when a deck is written, so every other command starts light.
      if (format === 'pptx') await (await import('../deck/writePptx')).writePptx(model, path, report)
      else await (await import('../deck/writePdf')).writePdf(model, path, { onProgress: report })
      done += weight[format]
      files.push({ format, path, name: basename(path), bytes: statSync(path).size, inExports: input.dir === undefined })
    }
    return { quarter: model.quarter, slides: model.slides.length, inputHash: model.inputHash, ms: Math.round(performance.now() - started), files }
  },

  /** An exported deck's bytes, only from the workspace's exports folder and only by plain file name. */
  file(b: Backend, name: string): ApiOutput<'deck-file'> {
    const dir = resolve(b.ws.paths.exports)
    const path = resolve(dir, name)
    if (path !== join(dir, name) || basename(path) !== name) throw new ApiError('invalid_input', 'Not an exported deck file name')
    let size: number
    try {
      size = statSync(path).size
    } catch {
      throw new ApiError('not_found', `No exported file ${name} in ${dir}; export the deck again`)
    }
    if (size > 200 * 1024 * 1024) throw new ApiError('rule_violation', `${name} is too large to download through the browser host; open it from ${dir}`)
    return { name, mime: name.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.openxmlformats-officedocument.presentationml.presentation', base64: readFileSync(path).toString('base64') }
  }
}

/**
 * A quarter that has not begun has nothing to review: building it gave slides with negative effort
 * and "0 of N goals hit". Refused as bad input (the CLI exits 2), with the day it starts.
 */
function refuseFuture(qr: Quarter, today: string): void {
  if (qr.start <= today) return
  const message = `${qr.key} has not started yet (it runs ${quarter.label(qr)}); a review deck covers a quarter that has begun — pick ${quarter.containing(today).key} or an earlier one`
  throw new ApiError('invalid_input', message, [{ path: ['quarter'], message: 'This quarter has not started yet' }])
}

/** 'YYYY-MM-DD' and a real calendar day: 2026-02-31 is refused rather than rolled into March. */
function checkAsOf(asOf: string): void {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? Date.parse(`${asOf}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== asOf) {
    const message = `"${asOf}" is not a real date: give the as-of day as YYYY-MM-DD, e.g. 2026-09-30`
    throw new ApiError('invalid_input', message, [{ path: ['asOf'], message: 'Not a real calendar date' }])
  }
}

function exportDir(b: Backend, given: string | undefined): string {
  if (given === undefined) {
    mkdirSync(b.ws.paths.exports, { recursive: true })
    return b.ws.paths.exports
  }
  if (!isAbsolute(given)) throw new ApiError('invalid_input', `Export folder must be an absolute path, got ${given}`, [{ path: ['dir'], message: 'Use an absolute path' }])
  let isDir = false
  try {
    isDir = statSync(given).isDirectory()
  } catch {
    isDir = false
  }
  if (!isDir) throw new ApiError('invalid_input', `There is no folder ${given} to export into`, [{ path: ['dir'], message: 'No such folder' }])
  return given
}
