import { enums } from '../../../core/domain/enums'
import { sql } from '../../backend/db/sql'
import { currentMember } from '../../backend/people/currentMember'
import { callApi } from '../callApi'
import { command, UsageError } from '../command'
import { commandSpecs } from './commandSpecs'
import { openCliBackend } from '../openCliBackend'

type Row = { id: string; name: string; role: string; access: string; active: number }

export const membersCommand = command({
  ...commandSpecs.members,
  run: async ({ values }) => {
    const b = await openCliBackend(values, { lock: typeof values['set-role'] === 'string' ? 'smo members' : false })
    try {
      const setRole = values['set-role']
      if (typeof setRole === 'string') {
        const eq = setRole.lastIndexOf('=')
        const name = setRole.slice(0, eq).trim()
        const role = setRole.slice(eq + 1).trim().toLowerCase()
        if (eq < 1 || name === '') throw new UsageError(`--set-role needs "NAME=ROLE", got "${setRole}"`)
        const access = enums.access.safeParse(role)
        if (!access.success) throw new UsageError(`--set-role: "${role}" is not a role; use owner, approver, editor, contributor or viewer`)
        const found = b.db.all<Row>(sql`SELECT id, name, role, access, active FROM member WHERE deleted_at IS NULL AND lower(name) = lower(${name})`)
        const m = found[0]
        if (!m) throw new UsageError(`--set-role: no member is called "${name}"`)
        if (found.length > 1) throw new UsageError(`--set-role: ${found.length} members are called "${name}"`)
        await callApi(b, 'member-update', { id: m.id, access: access.data })
        console.log(`${m.name} is now ${/^[aeiou]/.test(access.data) ? 'an' : 'a'} ${access.data} (was ${m.access}).`)
        return 0
      }
      const me = currentMember(b)
      const rows = b.db.all<Row>(sql`SELECT id, name, role, access, active FROM member WHERE deleted_at IS NULL ORDER BY name, id`)
      if (values.json) {
        console.log(JSON.stringify(rows.map((r) => ({ id: r.id, name: r.name, role: r.role, access: r.access, active: r.active === 1, me: r.id === me?.id })), null, 2))
        return 0
      }
      for (const r of rows) console.log(`${r.id === me?.id ? '*' : ' '} ${r.name.padEnd(24)} ${r.access.padEnd(12)} ${r.role}${r.active === 1 ? '' : ' (inactive)'}`)
      console.log(me ? `* is you (${me.name}) on this computer.` : 'Nobody is “me” for this workspace on this computer; pass --as NAME or pick yourself in the app.')
      return 0
    } finally {
      b.close()
    }
  }
})
