import { z } from 'zod'
import { quarter } from '../../goals/quarter'

/** A quarter Priorities plans, 'YYYY-Qn', checked by the quarter module's own rule and message. */
export const planQuarter = z.string().superRefine((q, ctx) => {
  const r = quarter.parse(q)
  if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message })
})
