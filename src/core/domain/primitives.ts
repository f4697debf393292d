import { z } from 'zod'

/**
 * Shared field validators. Messages are written for a person reading them next to a form field.
 * Pure ECMAScript only (Intl is part of the language), so this runs in every room.
 */
export const primitives = {
  id: z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Must be a record id (ULID)'),
  name: (max = 120) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`),
  text: (max = 5000) => z.string().max(max, `At most ${max} characters`),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-23')
    .refine(isRealDate, 'Not a real calendar date')
    .refine((d) => d >= '1970-01-01' && d <= '2199-12-31', 'Date must be between 1970 and 2199'),
  instant: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?Z$/, 'Use a UTC time like 2026-11-23T09:30:00Z')
    .refine((s) => !Number.isNaN(Date.parse(s)), 'Not a real time')
    .refine((s) => s >= '1970' && s < '2200', 'Time must be between 1970 and 2199'),
  zone: z.string().refine(isIanaZone, 'Unknown time zone; use an IANA name like Europe/Berlin'),
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

function isRealDate(d: string): boolean {
  const t = Date.parse(`${d}T00:00:00Z`)
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d
}

function isIanaZone(zone: string): boolean {
  if (zone.length === 0 || zone.length > 64) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
