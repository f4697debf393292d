import { fieldsOf, validateRecord } from './recordService'

/**
 * The calendar's writes validate every item first and then write them all in one mutation, so a
 * bulk move is one transaction and one undo step and a refusal writes nothing. The checks are the
 * record service's own (one copy), so the calendar refuses exactly what the record forms refuse.
 */
export const calendarValidate = validateRecord

export { fieldsOf }
