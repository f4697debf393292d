import { useRef } from 'react'
import { calendarRange, strictDateTime } from '../../../core/domain/strictDateTime'

type Props = {
  value: string
  onChange: (value: string) => void
  id?: string
  name?: string
  className?: string
  'aria-label'?: string
  'aria-invalid'?: boolean
  'aria-describedby'?: string
}

/**
 * A date typed as text (YYYY-MM-DD) with a calendar button. Chromium's `<input type=date>` turns an
 * impossible date such as 31 Feb into an empty value, so the form would save "no date" without a
 * word; as text, what was typed reaches the strict reader and the field says why it is refused. The
 * button opens the browser's own picker on a hidden date input, which can only produce real dates.
 */
export function DateInput({ value, onChange, className = 'input', ...rest }: Props) {
  const picker = useRef<HTMLInputElement>(null)
  const open = (): void => {
    const el = picker.current
    if (el === null) return
    el.value = strictDateTime.parseDate(value).ok ? value : ''
    try {
      el.showPicker()
    } catch {
      // No picker without a user gesture or in an old engine: typing still works.
    }
  }
  return (
    <span className="date-input">
      <input {...rest} className={className} inputMode="numeric" placeholder="YYYY-MM-DD" autoComplete="off" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
      <button type="button" className="btn btn-ghost date-input-pick" tabIndex={-1} aria-label="Pick a date" title="Pick a date" onClick={open}>
        <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.4">
          <rect x="2" y="3" width="12" height="11" rx="1.5" />
          <path d="M2 6.5h12M5.5 1.5v3M10.5 1.5v3" />
        </svg>
      </button>
      <input ref={picker} type="date" className="date-input-native" tabIndex={-1} aria-hidden="true" min={calendarRange.min} max={calendarRange.max} onChange={(e) => e.target.value !== '' && onChange(e.target.value)} />
    </span>
  )
}
