import { deskLabel } from '../../../../core/listening/deskLabel'
import { DeskField } from './DeskField'

type Props<T extends string> = {
  label: string
  error: string | undefined
  value: T
  options: readonly T[]
  onChange: (value: T) => void
  testId?: string
}

/** A labelled choice among a closed list (type, priority, sentiment…), each option in plain words. */
export function DeskChoice<T extends string>({ label, error, value, options, onChange, testId }: Props<T>) {
  return (
    <DeskField label={label} error={error}>
      {(a) => (
        <select
          {...a}
          className="select"
          value={value}
          onChange={(e) => {
            const picked = options.find((o) => o === e.target.value)
            if (picked !== undefined) onChange(picked)
          }}
          data-testid={testId}
        >
          {options.map((o) => (
            <option key={o} value={o}>
              {deskLabel(o)}
            </option>
          ))}
        </select>
      )}
    </DeskField>
  )
}
