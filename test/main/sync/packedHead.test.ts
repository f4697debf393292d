/**
 * PackedHead keeps an op id as device + seq; it must answer exactly like the string it stands for,
 * or two replicas could disagree on whether a malformed base supersedes a head.
 */
import { describe, expect, it } from 'vitest'
import { PackedHead } from '../../../src/main/backend/sync/fieldCache'

const DEV = 'a1a1a1a1a1a1a1a1'

describe('PackedHead', () => {
  it('is its op id and nothing that merely parses to the same number', () => {
    const h = new PackedHead(DEV, 12, '0'.repeat(32), 'v', [])
    expect(h.id).toBe(`${DEV}:12`)
    expect(h.is(`${DEV}:12`)).toBe(true)
    for (const other of [`${DEV}:012`, `${DEV}:1e1`, `${DEV}:12 `, `${DEV}:+12`, `${DEV}:13`, `b2b2b2b2b2b2b2b2:12`, `${DEV}12`, `${DEV}:`]) expect(h.is(other)).toBe(false)
  })
  it('advancing to the op that superseded it makes the old id its one base', () => {
    const h = new PackedHead(DEV, 3, '1'.repeat(32), 'old', ['b2b2b2b2b2b2b2b2:9'])
    expect(h.b).toEqual(['b2b2b2b2b2b2b2b2:9'])
    h.advance('c3c3c3c3c3c3c3c3', 7, '2'.repeat(32), 'new')
    expect({ id: h.id, h: h.h, v: h.v, b: h.b }).toEqual({ id: 'c3c3c3c3c3c3c3c3:7', h: '2'.repeat(32), v: 'new', b: [`${DEV}:3`] })
  })
})
