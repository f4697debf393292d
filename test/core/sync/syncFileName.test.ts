import { describe, expect, it } from 'vitest'
import { isTempFile, opsFileName, parseSyncFileName } from '../../../src/core/sync/syncFileName'

const base = opsFileName(4097, 4133, false, false)

describe('sync file names (SYNC.md §2.2, §2.5.3)', () => {
  it('names ops files with fixed-width seqs', () => {
    expect(base).toBe('ops-000000004097-000000004133.log')
    expect(opsFileName(1, 4096, true, true)).toBe('ops-000000000001-000000004096.log.gz.enc')
    expect(parseSyncFileName(opsFileName(1, 4096, true, true))).toMatchObject({ kind: 'ops', first: 1, last: 4096, sealed: true, encrypted: true, conflicted: null })
  })

  it.each([
    ['ops-000000004097-000000004133 (Priya\'s conflicted copy 2026-11-23).log', 'dropbox'],
    ["ops-000000004097-000000004133 (Priya's conflicted copy 2026-11-23 (1)).log", 'dropbox'],
    ['ops-000000004097-000000004133-DESKTOP-7Q2L.log', 'onedrive'],
    ['ops-000000004097-000000004133 (1).log', 'google-drive'],
    ['ops-000000004097-000000004133.sync-conflict-20261123-101010-ABCDEFG.log', 'syncthing'],
    ['ops-000000004097-000000004133 (conflicted copy 2026-11-23 101010).log', 'nextcloud']
  ])('recognises %s as a %s conflicted copy of the same range', (name, provider) => {
    expect(parseSyncFileName(name)).toMatchObject({ kind: 'ops', first: 4097, last: 4133, conflicted: provider, canonical: base })
  })

  it('recognises conflicted device manifests', () => {
    const hlc = '0190f3c2a7b10000a1b2c3d4e5f60718'
    expect(parseSyncFileName(`state-${hlc}-MACBOOK.json`)).toMatchObject({ kind: 'state', hlc, conflicted: 'onedrive' })
  })

  it.each([`${base}.tmp-1a2b3c4d`, `${base}.partial`, '.syncthing.ops-1.log.tmp', '~$notes.docx', `${base}.crdownload`])('skips temp file %s', (n) => {
    expect(isTempFile(n)).toBe(true)
    expect(parseSyncFileName(n)).toEqual({ kind: 'temp' })
  })

  it('ignores foreign names and impossible ranges', () => {
    expect(parseSyncFileName('notes.txt')).toEqual({ kind: 'other' })
    expect(parseSyncFileName('ops-000000000009-000000000001.log')).toEqual({ kind: 'other' })
  })
})
