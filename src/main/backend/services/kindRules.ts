import type { FieldIssue } from '../../../core/domain/recordKind'
import type { KindName } from '../../../core/domain/recordKinds'
import type { Backend } from '../backend'
import { localDay } from '../localDay'

export type RuleResult = { issues: FieldIssue[]; extra?: Record<string, unknown> }
/** Choices a person made about this write that are not fields of the record (see `keepApprovalAs`). */
export type WriteOptions = { keepApprovalAs?: string | undefined }
export type KindRule = (b: Backend, before: Record<string, unknown> | null, after: Record<string, unknown>, opts: WriteOptions) => RuleResult

/**
 * Rules that need the workspace (other records, today's date) and run on every create and update of a
 * kind, after the schema check. Feature areas register theirs here (approval gates, history fields…).
 */
export const kindRules: Partial<Record<KindName, KindRule[]>> = {
  influencer: [
    // Keep the stage history the review deck reads pipeline movement from.
    (b, before, after) => {
      if (before && before.stage === after.stage) return { issues: [] }
      const history = Array.isArray(after.stageHistory) ? (after.stageHistory as { stage: string; date: string }[]) : []
      const last = history[history.length - 1]
      if (last && last.stage === after.stage) return { issues: [] }
      const date = localDay(b.now())
      return { issues: [], extra: { stageHistory: [...history, { stage: after.stage, date }] } }
    },
    // Logging an interaction is a contact: the newest interaction date moves "last contact" forward.
    (_b, _before, after) => {
      const dates = (Array.isArray(after.interactions) ? (after.interactions as { date: string }[]) : []).map((i) => i.date)
      const newest = dates.sort().at(-1)
      const last = typeof after.lastContactDate === 'string' ? after.lastContactDate : null
      return newest !== undefined && (last === null || newest > last) ? { issues: [], extra: { lastContactDate: newest } } : { issues: [] }
    }
  ]
}

export function registerKindRule(kind: KindName, rule: KindRule): void {
  ;(kindRules[kind] ??= []).push(rule)
}
