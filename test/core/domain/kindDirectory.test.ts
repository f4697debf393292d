import { describe, expect, it } from 'vitest'
import { enumLabels, enums } from '../../../src/core/domain/enums'
import { kindDirectory, kindNames } from '../../../src/core/domain/kindDirectory'
import { recordKinds, kindNames as schemaKindNames } from '../../../src/core/domain/recordKinds'
import { vocabularies } from '../../../src/core/domain/vocabularies'

// The renderer's zod-free name lists (issue #17) must say exactly what the schemas say.
describe('zod-free kind and vocabulary lists', () => {
  it('kindDirectory names every record kind with its table, title field and label, in the same order', () => {
    expect(kindNames).toEqual(schemaKindNames)
    expect(Object.fromEntries(Object.entries(recordKinds).map(([k, v]) => [k, { table: v.table, title: v.title, label: v.label }]))).toEqual(kindDirectory)
  })

  it('vocabularies hold the enums’ options, each with a label', () => {
    expect(Object.keys(vocabularies)).toEqual(Object.keys(enums))
    for (const [name, schema] of Object.entries(enums)) {
      expect(schema.options, name).toEqual(vocabularies[name as keyof typeof vocabularies])
      for (const v of schema.options) expect(enumLabels[v], `${name}.${v}`).toBeTypeOf('string')
    }
  })
})
