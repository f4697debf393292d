import { ApiError } from '../../../core/api/apiError'
import { deskPolicy, type DeskPolicy } from '../../../core/domain/deskPolicy'
import type { Backend } from '../backend'
import { recomputeAllClocks } from './deskClockStore'
import { deskPolicyOf } from './deskPolicyOf'
import { fieldsOf, validateRecord } from './recordService'

/** The desk settings as screens edit them: one record, created on first save, then changed in place. */
export const deskSettings = {
  get(b: Backend): { settings: DeskPolicy; saved: boolean } {
    const { id, policy } = deskPolicyOf(b)
    return { settings: policy, saved: id !== null }
  },

  /** Bad input (an unknown zone, hours ending before they start, a target of 0 hours) is refused naming the field. */
  set(b: Backend, patch: Partial<DeskPolicy>): { settings: DeskPolicy; saved: boolean; recomputed: number } {
    const { id, policy } = deskPolicyOf(b)
    const before = id === null ? null : { ...policy, id }
    const candidate = { ...policy, ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) }
    const { value, issues } = validateRecord(b, 'deskPolicy', before, candidate)
    if (issues.length > 0) {
      const fields = [...new Set(issues.map((i) => i.path.join('.')))].filter(Boolean)
      throw new ApiError('invalid_input', `The desk settings were not saved: check ${fields.join(', ')}`, issues)
    }
    const values = fieldsOf('deskPolicy', value)
    // The record and every due time change in one transaction: no reader sees new hours with old clocks.
    const recomputed = b.db.tx(() => {
      if (id === null) b.mutate('desk-settings-set', [{ op: 'create', kind: 'deskPolicy', id: b.newId(), values }])
      else {
        const set = Object.fromEntries(Object.entries(values).filter(([k, v]) => JSON.stringify((policy as Record<string, unknown>)[k]) !== JSON.stringify(v)))
        if (Object.keys(set).length > 0) b.mutate('desk-settings-set', [{ op: 'update', kind: 'deskPolicy', id, set }])
      }
      return recomputeAllClocks(b)
    })
    return { settings: deskPolicy.fields.parse(values), saved: true, recomputed }
  }
}
