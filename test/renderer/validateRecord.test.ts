import { describe, expect, it } from 'vitest'
import { recordKinds } from '../../src/core/domain/recordKinds'
import { describeIssues, isNullable, issuesByField, validateRecord } from '../../src/renderer/src/components/validateRecord'

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
  it('says a refused save in one sentence a screen reader reads out: count, then label and message (first five)', () => {
    const label = (path: readonly (string | number)[]): string => ({ name: 'Name', confidence: 'Confidence' })[String(path[0])] ?? String(path[0])
    expect(describeIssues([], label)).toBe('')
    expect(describeIssues([{ path: ['name'], message: 'Required' }], label)).toBe('Not saved, 1 problem. Name: Required.')
    const seven = Array.from({ length: 7 }, (_, i) => ({ path: [`f${i}`], message: 'Bad' }))
    expect(describeIssues(seven, label)).toBe('Not saved, 7 problems. f0: Bad. f1: Bad. f2: Bad. f3: Bad. f4: Bad. And 2 more.')
  })
})
