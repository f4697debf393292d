/**
 * One record per line: 8 hex CRC-32 of the JSON, a space, the JSON (SYNC.md §2.3). JSON escapes
 * newlines, so a reader can always find the next record after damage.
 */
import { crc32 } from 'node:zlib'

export function encodeRecordLine(json: string): string {
  return `${crc32(json).toString(16).padStart(8, '0')} ${json}`
}

/** The JSON text if the CRC matches, else null (torn, flipped or foreign line). */
export function decodeRecordLine(line: string): string | null {
  if (line.length < 10 || line.charCodeAt(8) !== 32) return null
  const crc = Number.parseInt(line.slice(0, 8), 16)
  if (!/^[0-9a-f]{8}$/.test(line.slice(0, 8))) return null
  const json = line.slice(9)
  return crc32(json) === crc ? json : null
}

export type RecordLineDecoder = (line: string) => string | null
