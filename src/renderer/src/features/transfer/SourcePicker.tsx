import { guessPreset, presetNamesOf } from '../../../../core/transfer/headerAliases'
import { presetLabel } from '../../../../core/transfer/presetLabel'
import type { KindName } from '../../../../core/domain/recordKinds'

type Props = { kind: KindName; headers: readonly string[]; preset: string | undefined; onChange: (preset: string | undefined) => void }

/**
 * Which tool wrote the file: recognised from its columns by default, and a person can say otherwise
 * (a tool's export renamed by hand, or a sheet that only looks like one). The mapping below follows
 * the choice; the person's own column choices still win over it.
 */
export function SourcePicker({ kind, headers, preset, onChange }: Props) {
  const presets = presetNamesOf(kind).filter((p) => p !== 'generic')
  if (presets.length === 0) return null
  const recognised = guessPreset(headers, kind)
  return (
    <label className="tx-source">
      Source{' '}
      <select className="select" data-testid="import-source" value={preset ?? ''} onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}>
        <option value="">{recognised === null ? 'Recognised: no tool (columns matched by name)' : `Recognised: ${presetLabel(recognised)}`}</option>
        {presets.map((p) => (
          <option key={p} value={p}>
            {presetLabel(p)}
          </option>
        ))}
        <option value="generic">Generic (columns matched by name)</option>
      </select>
    </label>
  )
}
