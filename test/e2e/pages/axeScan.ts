import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { Result } from 'axe-core'

/**
 * Rules about the shape of a page (one h1, headings in order, landmarks, a way to skip the navigation).
 * axe rates most of them "moderate", so the serious/critical gate alone would let them slip; #18 asks for
 * them on every screen, so any finding of these fails too.
 */
const structureRules = new Set(['page-has-heading-one', 'heading-order', 'landmark-one-main', 'landmark-unique', 'region', 'bypass', 'landmark-no-duplicate-main', 'aria-dialog-name'])

export type Finding = { rule: string; impact: string; target: string; summary: string }

/** Does this finding block? Serious and critical always; the structure rules at any impact. */
function blocks(v: Result): boolean {
  return v.impact === 'serious' || v.impact === 'critical' || structureRules.has(v.id)
}

/**
 * axe over the page, or only over `within` (a dialog or panel): every default rule (which include the
 * WCAG 2.0/2.1/2.2 A and AA ones), one row per failing node.
 */
export async function axeScan(page: Page, within?: string): Promise<Finding[]> {
  // Legacy mode runs axe in the page in one call; the default opens a second page to merge frame results,
  // which this app (no iframes) does not need and which doubles the time on the large calendar DOM.
  const builder = new AxeBuilder({ page }).setLegacyMode(true)
  if (within !== undefined) builder.include(within)
  const results = await builder.analyze()
  return results.violations.filter(blocks).flatMap((v) =>
    v.nodes.map((n) => ({
      rule: v.id,
      impact: v.impact ?? 'unknown',
      target: n.target.map(String).join(' '),
      // The first line says what is wrong at this node ("Element has insufficient color contrast of 3.7…").
      summary: (n.failureSummary ?? v.help).split('\n').filter((l) => l.trim() !== '' && !/^Fix (any|all)/.test(l))[0]?.trim() ?? v.help
    }))
  )
}

/** A readable list for the assertion message: rule, impact, node, what is wrong (first 40, then a count). */
export function describeFindings(findings: readonly Finding[]): string {
  const lines = findings.slice(0, 40).map((f) => `- ${f.rule} (${f.impact}) at ${f.target}: ${f.summary}`)
  if (findings.length > 40) lines.push(`… and ${findings.length - 40} more`)
  const byRule = new Map<string, number>()
  for (const f of findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1)
  return `${findings.length} finding(s): ${[...byRule].map(([r, n]) => `${r} ×${n}`).join(', ')}\n${lines.join('\n')}`
}
