import type { LinkConvention } from '../domain/linkConvention'

/**
 * A campaign's or item's name as a tracking value: accents dropped, anything that is not a letter or
 * digit becomes the convention's separator, no separator at either end or twice in a row, lower-case
 * when the convention says so. "Spring Launch — Q2 (EU)" → "spring-launch-q2-eu".
 */
export function slugValue(text: string, conv: Pick<LinkConvention, 'casing' | 'separator'>): string {
  const sep = conv.separator
  const plain = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
  const joined = plain
    .replace(/[^A-Za-z0-9]+/g, sep)
    .replace(new RegExp(`\\${sep}+`, 'g'), sep)
    .replace(new RegExp(`^\\${sep}|\\${sep}$`, 'g'), '')
  return conv.casing === 'lower' ? joined.toLowerCase() : joined
}

/**
 * A value someone typed, put in the convention's shape without changing its words: trimmed, spaces
 * and the other separator replaced, lower-cased when the rule says so. Unlike slugValue it keeps
 * characters such as "." (a source like "news.example.com" stays readable).
 */
export function normaliseValue(text: string, conv: Pick<LinkConvention, 'casing' | 'separator'>): string {
  const other = conv.separator === '-' ? '_' : '-'
  const v = text.trim().replace(/\s+/g, conv.separator).split(other).join(conv.separator)
  return conv.casing === 'lower' ? v.toLowerCase() : v
}
