import { describe, expect, it } from 'vitest'
import { guardFormula, tableToCsv, wallText, type ExportTable } from '../../../src/core/transfer/exportTable'
import { encodeWindows1252, unencodable1252 } from '../../../src/core/transfer/windows1252'

const table: ExportTable = {
  sheet: 'Content',
  headers: ['Title', 'Effort', 'Planned', 'Publish at', 'Done'],
  types: ['text', 'number', 'date', 'datetime', 'bool'],
  rows: [['Café; “Müller” – 5 €', 1234.5, '2026-12-01', '2026-12-01T09:00:00.000Z', true], ['-5 hours', -2, null, null, false]]
}

describe('CSV dialects', () => {
  it('utf-8: commas, decimal point, times as stored', () => {
    expect(tableToCsv(table, 'utf-8', 'Europe/Berlin')).toBe(
      'Title,Effort,Planned,Publish at,Done\r\nCafé; “Müller” – 5 €,1234.5,2026-12-01,2026-12-01T09:00:00.000Z,true\r\n\'-5 hours,-2,,,false\r\n'
    )
  })

  it('excel-eu: semicolons (quoted where a cell holds one), decimal comma, local wall-clock times, Windows-1252 bytes', () => {
    const text = tableToCsv(table, 'excel-eu', 'Europe/Berlin')
    expect(text).toBe('Title;Effort;Planned;Publish at;Done\r\n"Café; “Müller” – 5 €";1234,5;2026-12-01;2026-12-01 10:00;true\r\n\'-5 hours;-2;;;false\r\n')
    const enc = encodeWindows1252(text)
    if ('error' in enc) throw new Error(enc.error)
    // é E9, “ 93, ü FC, ” 94, – 96, € 80: the bytes Excel (Windows) reads.
    expect([...enc.bytes.subarray(38, 58)].map((b) => b.toString(16)).join(' ')).toBe('22 43 61 66 e9 3b 20 93 4d fc 6c 6c 65 72 94 20 96 20 35 20')
    expect(enc.bytes[58]).toBe(0x80)
  })

  it('names every cell Windows-1252 cannot hold by spreadsheet row and column', () => {
    const bad = unencodable1252({ ...table, rows: [['ok', 1, null, null, true], ['Thread 🧵', 1, null, null, true], ['→ next', 1, null, null, true]] })
    expect(bad).toEqual({ count: 2, places: [{ row: 3, column: 'Title', char: '🧵' }, { row: 4, column: 'Title', char: '→' }] })
    expect(encodeWindows1252('a→b')).toEqual({ error: '"→" (U+2192) has no Windows-1252 code' })
  })

  it('guards text a spreadsheet would run (OWASP): = + - @ tab and CR get a leading quote; other text is left alone', () => {
    expect(['=1+1', '+1', '-1', '@A1', '\tx', '\rx', 'a=b', ' =1', ''].map(guardFormula)).toEqual(["'=1+1", "'+1", "'-1", "'@A1", "'\tx", "'\rx", 'a=b', ' =1', ''])
  })

  it('writes an instant as the wall clock of the zone, seconds only when there are some', () => {
    expect(wallText('2026-07-01T09:00:00Z', 'Europe/Berlin')).toBe('2026-07-01 11:00')
    expect(wallText('2026-12-31T23:30:15Z', 'America/New_York')).toBe('2026-12-31 18:30:15')
  })
})
