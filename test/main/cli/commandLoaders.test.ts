import { describe, expect, it } from 'vitest'
import { commandSpecs } from '../../../src/main/cli/commands/commandSpecs'
import { commandLoaders, loadCommands } from '../../../src/main/cli/commands/index'

describe('every command and its help text', () => {
  it('each loaded command is its own entry of commandSpecs, under the name it is listed by', async () => {
    const loaded = await loadCommands()
    expect(loaded.map((c) => c.name)).toEqual(commandLoaders.map(([name]) => name))
    for (const { run, ...spec } of loaded) {
      expect(typeof run).toBe('function')
      expect(spec).toEqual(commandSpecs[spec.name as keyof typeof commandSpecs])
    }
    expect(Object.keys(commandSpecs).toSorted()).toEqual(commandLoaders.map(([name]) => name).toSorted())
  })
})
