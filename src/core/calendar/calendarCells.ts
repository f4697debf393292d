import { z } from 'zod'
import { calendarCellsCodec, type CalendarCells } from './calendarCellsCodec'

export type { CalendarCell, CalendarCells } from './calendarCellsCodec'

const text = z.string().nullable()

/** The wire form of a month's items (the positional rows are explained in calendarCellsCodec.ts). */
const cellRow = z.tuple([z.string(), z.string(), z.number(), z.number(), z.number(), z.number(), z.number(), text, text, text, z.number(), z.number(), text])
const cellsSchema = z.object({ refs: z.array(z.string()), rows: z.array(cellRow) }) satisfies z.ZodType<CalendarCells>

/** The month payload's item encoding: the contract's schema and both directions. */
export const calendarCells = { schema: cellsSchema, ...calendarCellsCodec }
