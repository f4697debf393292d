import { ApiError } from '../../../core/api/apiError'
import type { RouteProposal } from '../../../core/api/methods/deskMethods'
import { proposeRoute, type RouteExpert, type RouteRule, type RouteSubject } from '../../../core/listening/proposeRoute'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordRepo } from '../repo/recordRepo'
import { recordService } from './recordService'

function rules(b: Backend): RouteRule[] {
  return recordRepo.list(b.db, 'routingRule', { limit: 10_000 }).items as unknown as RouteRule[]
}

export function expertMap(b: Backend): Map<string, RouteExpert & { escalatesToId: string | null; memberId: string | null }> {
  return new Map(
    b.db
      .all<{ id: string; name: string; active: number; availability: string; escalates_to_id: string | null; member_id: string | null }>(
        sql`SELECT id, name, active, availability, escalates_to_id, member_id FROM expert WHERE deleted_at IS NULL`
      )
      .map((e) => [e.id, { id: e.id, name: e.name, active: e.active === 1, availability: e.availability, escalatesToId: e.escalates_to_id, memberId: e.member_id }])
  )
}

function channelNames(b: Backend): (id: string) => string {
  const names = new Map(b.db.all<{ id: string; name: string }>(sql`SELECT id, name FROM channel`).map((c) => [c.id, c.name]))
  return (id) => names.get(id) ?? 'a channel'
}

/** What the routing rules propose for a conversation or a made-up subject (the rules screen's "try it"). */
export function proposeFor(b: Backend, subject: RouteSubject): RouteProposal | null {
  return proposeRoute(subject, rules(b), expertMap(b), channelNames(b)) as RouteProposal | null
}

export function proposeForConversation(b: Backend, id: string): RouteProposal | null {
  const c = recordService.get(b, 'conversation', id)
  if (c === undefined) throw new ApiError('not_found', `No conversation with id ${id}`)
  return proposeFor(b, c as unknown as RouteSubject)
}
