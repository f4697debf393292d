import { describe, expect, it } from 'vitest'
import { recordKinds } from '../../src/core/domain/recordKinds'
import { isNullable, issuesByField, validateRecord } from '../../src/renderer/src/components/validateRecord'

describe('validateRecord (the backend schema, run in the form)', () => {
  const channel = { ...recordKinds.channel.defaults, name: 'Blog', platform: 'blog' }

  it('accepts a valid record and reports a bad field at its path', () => {
    expect(validateRecord('channel', channel)).toEqual([])
    const issues = validateRecord('channel', { ...channel, confidence: 7, name: '' })
    expect(issuesByField(issues, ['name', 'confidence']).byField).toEqual({ name: 'Required', confidence: 'Confidence runs from 0.1 to 1' })
  })

  it('runs the cross-field check once the fields are valid', () => {
    const goal = { ...recordKinds.goal.defaults, objective: 'Leads', driver: 'revenue', kpiName: 'Leads', quarter: '2026-Q4', baseline: 5, target: 5 }
    expect(validateRecord('goal', goal)).toEqual([{ path: ['target'], message: 'Target must differ from the baseline' }])
  })

  it('keeps issues on fields the form does not show apart', () => {
    const { byField, rest } = issuesByField([{ path: ['goalLinks', 0, 'goalId'], message: 'This goal is linked twice' }], ['name'])
    expect(byField).toEqual({})
    expect(rest).toHaveLength(1)
  })

  it('knows which fields take null', () => {
    expect(isNullable('channel', 'ownerId')).toBe(true)
    expect(isNullable('channel', 'name')).toBe(false)
  })
})
