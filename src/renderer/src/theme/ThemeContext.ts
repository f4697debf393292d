import { createContext, useContext } from 'react'

export type ThemeChoice = 'system' | 'light' | 'dark'
export type ResolvedTheme = 'light' | 'dark'

export type ThemeState = { choice: ThemeChoice; resolved: ResolvedTheme; setChoice: (c: ThemeChoice) => void }

export const ThemeContext = createContext<ThemeState>({ choice: 'system', resolved: 'light', setChoice: () => {} })

export function useTheme(): ThemeState {
  return useContext(ThemeContext)
}
