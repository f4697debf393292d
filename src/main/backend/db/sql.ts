/**
 * SQL only through this tagged template: `${value}` becomes a bound parameter, never text.
 * Identifiers (table and column names) can only enter through `sql.id`, which accepts
 * snake_case names and nothing else, so user input can never reach the SQL text.
 */
export type SqlValue = string | number | bigint | null | Uint8Array
export type Sql = { readonly text: string; readonly values: SqlValue[]; readonly __sql: true }

type Part = Sql | SqlValue

function isSql(v: unknown): v is Sql {
  return typeof v === 'object' && v !== null && (v as { __sql?: unknown }).__sql === true
}

export function sql(strings: TemplateStringsArray, ...parts: Part[]): Sql {
  let text = strings[0] ?? ''
  const values: SqlValue[] = []
  parts.forEach((part, i) => {
    if (isSql(part)) {
      text += part.text
      values.push(...part.values)
    } else {
      text += '?'
      values.push(part)
    }
    text += strings[i + 1] ?? ''
  })
  return { text, values, __sql: true }
}

sql.id = (name: string): Sql => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Refusing SQL identifier ${JSON.stringify(name)}`)
  return { text: `"${name}"`, values: [], __sql: true }
}

sql.join = (parts: Sql[], separator = ', '): Sql => ({
  text: parts.map((p) => p.text).join(separator),
  values: parts.flatMap((p) => p.values),
  __sql: true
})

/**
 * The same statement with other values: a bulk write (an import's 100k INSERTs) builds its text once
 * instead of per row, and the statement cache then finds it by the very same string. The count must
 * match the template's parameters, so a value can never shift into another column.
 */
sql.rebind = (template: Sql, values: SqlValue[]): Sql => {
  if (values.length !== template.values.length) throw new Error(`sql.rebind: ${values.length} values for ${template.values.length} parameters`)
  return { text: template.text, values, __sql: true }
}

/** Trusted constant SQL text written in this codebase (keywords such as ASC/DESC). */
sql.raw = (text: 'ASC' | 'DESC' | 'AND' | 'OR' | '1' | '0'): Sql => ({ text, values: [], __sql: true })
