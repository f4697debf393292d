import { defaultDeskPolicy, deskPolicy, type DeskPolicy } from '../../../core/domain/deskPolicy'
import type { Backend } from '../backend'
import { sql } from '../db/sql'
import { recordCodec } from '../repo/recordCodec'
import type { Row } from '../db/db'

/** The desk settings in force: the newest live record (as with the publishing policy), else the defaults. */
export function deskPolicyOf(b: Pick<Backend, 'db'>): { id: string | null; policy: DeskPolicy } {
  const row = b.db.get<Row>(sql`SELECT * FROM desk_policy WHERE deleted_at IS NULL ORDER BY updated_at DESC, id DESC LIMIT 1`)
  if (!row) return { id: null, policy: defaultDeskPolicy }
  const rec = recordCodec('deskPolicy').fromRow(row)
  // A row that arrived field by field from a teammate may be briefly incomplete: fill from the defaults.
  const parsed = deskPolicy.fields.safeParse({ ...defaultDeskPolicy, ...Object.fromEntries(Object.entries(rec).filter(([, v]) => v !== null)) })
  return { id: String(row.id), policy: parsed.success ? parsed.data : defaultDeskPolicy }
}
