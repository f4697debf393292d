import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { api } from '../api/client'
import { ThemeContext, type ResolvedTheme, type ThemeChoice } from './ThemeContext'

// The choice is a per-machine setting on the backend; a copy in localStorage lets the first paint use
// it before the settings call returns, so a dark-mode user never sees a white flash.
const mirrorKey = 'smo.theme'
const darkQuery = '(prefers-color-scheme: dark)'

function isChoice(v: unknown): v is ThemeChoice {
  return v === 'system' || v === 'light' || v === 'dark'
}

function osTheme(): ResolvedTheme {
  return matchMedia(darkQuery).matches ? 'dark' : 'light'
}

export function ThemeProvider({ children }: { children: ReactNode }) {
  const [choice, setChoiceState] = useState<ThemeChoice>(() => {
    const stored = localStorage.getItem(mirrorKey)
    return isChoice(stored) ? stored : 'system'
  })
  const [os, setOs] = useState<ResolvedTheme>(osTheme)

  useEffect(() => {
    const mq = matchMedia(darkQuery)
    const onChange = (): void => setOs(mq.matches ? 'dark' : 'light')
    mq.addEventListener('change', onChange)
    return () => mq.removeEventListener('change', onChange)
  }, [])

  useEffect(() => {
    api.call('settings-get', {}).then(
      (s) => {
        if (isChoice(s.theme)) {
          setChoiceState(s.theme)
          localStorage.setItem(mirrorKey, s.theme)
        }
      },
      () => {
        // Unreachable backend: the banner says so; keep the mirrored choice.
      }
    )
  }, [])

  const resolved: ResolvedTheme = choice === 'system' ? os : choice

  useEffect(() => {
    document.documentElement.dataset.theme = resolved
    document.documentElement.style.colorScheme = resolved
  }, [resolved])

  const setChoice = useCallback((c: ThemeChoice) => {
    setChoiceState(c)
    localStorage.setItem(mirrorKey, c)
    api.call('settings-update', { theme: c }).catch(() => {
      // Still applied for this session; the banner reports the connection problem.
    })
  }, [])

  const value = useMemo(() => ({ choice, resolved, setChoice }), [choice, resolved, setChoice])
  return <ThemeContext value={value}>{children}</ThemeContext>
}
