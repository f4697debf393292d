type Link = { goalId: string; rate: number }

/**
 * A channel's goal links, with each goal in play that it does not link to taken over from a goal of
 * another quarter with the same KPI (`goals`: key and quarter per goal id) that it does link to — the
 * newest such quarter's link, at its rate. Links name a goal record, and next quarter's goals are new
 * records: without this, planning next quarter before anyone re-linked the channels predicted nothing
 * for every goal ("no channel is linked to it"). The backtest links past quarters' goals by KPI too.
 */
export function carryLinks(links: readonly Link[], inPlay: readonly { id: string }[], goals: ReadonlyMap<string, { key: string; quarter: string }>): Link[] {
  const direct = new Set(links.map((l) => l.goalId))
  const out = [...links]
  for (const g of inPlay) {
    const key = goals.get(g.id)?.key
    if (direct.has(g.id) || key === undefined) continue
    let from: { rate: number; quarter: string } | undefined
    for (const l of links) {
      const other = goals.get(l.goalId)
      if (other !== undefined && other.key === key && (from === undefined || other.quarter > from.quarter)) from = { rate: l.rate, quarter: other.quarter }
    }
    if (from !== undefined) out.push({ goalId: g.id, rate: from.rate })
  }
  return out
}
