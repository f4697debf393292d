type Link = { goalId: string; rate: number }

/**
 * A channel's goal links, with each goal in play that it does not link to taken over from a goal of
 * another quarter with the same KPI (`keyOf`) that it does link to, at that link's rate. Links name a
 * goal record, and next quarter's goals are new records: without this, planning next quarter before
 * anyone re-linked the channels predicted nothing for every goal ("no channel is linked to it"). The
 * backtest links past quarters' goals the same way.
 */
export function carryLinks(links: readonly Link[], inPlay: readonly { id: string }[], keyOf: ReadonlyMap<string, string>): Link[] {
  const direct = new Set(links.map((l) => l.goalId))
  const out = [...links]
  for (const g of inPlay) {
    if (direct.has(g.id)) continue
    const key = keyOf.get(g.id)
    const from = key === undefined ? undefined : links.find((l) => l.goalId !== g.id && keyOf.get(l.goalId) === key)
    if (from !== undefined) out.push({ goalId: g.id, rate: from.rate })
  }
  return out
}
