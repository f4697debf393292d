import { z } from 'zod'
import { strictDateTime, type Parsed } from './strictDateTime'

/**
 * Shared field validators. Messages are written for a person reading them next to a form field.
 * Pure ECMAScript and luxon only, so this runs in every room. Dates, instants and zones are read by
 * strictDateTime, the one reader every entry point shares.
 */
export const primitives = {
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Must be a record id (ULID)'),
  name: (max = 120) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`),
  text: (max = 5000) => z.string().max(max, `At most ${max} characters`),
  // The pattern stays for the JSON Schema of `GET /api`; `abort` keeps a malformed value to one message.
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-11-23', abort: true }).superRefine(strict(strictDateTime.parseDate)),
  instant: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, { message: 'Use a UTC time like 2026-11-23T09:30:00Z', abort: true })
    .superRefine(strict(strictDateTime.parseInstant)),
  zone: z.string().superRefine(strict(strictDateTime.parseZone)),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'Use a quarter like 2026-Q4'),
  nonNegative: (max = 1e12) =>
    z.number({ error: 'Must be a number' }).finite('Must be a finite number').min(0, 'Must not be negative').max(max, `At most ${max}`),
  finite: z.number({ error: 'Must be a number' }).finite('Must be a finite number'),
  url: z
    .string()
    .trim()
    .max(2000)
    .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'Use a full http(s):// link'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour like #3366cc'),
  ref: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Must be a record id (ULID)').nullable()
}

/** A zod check from a strict reader: its sentence becomes the issue at the field. */
function strict(parse: (text: string) => Parsed) {
  return (text: string, ctx: z.RefinementCtx): void => {
    const r = parse(text)
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message })
  }
}
