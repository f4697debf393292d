import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ThemeProvider } from './theme/ThemeProvider'
import './styles/theme.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/table.css'
import './styles/form.css'

/** React, the shell and the styles: loaded by main.tsx once the first screen's data is asked for. */
export function renderApp(root: HTMLElement): void {
  createRoot(root).render(
    <StrictMode>
      <ThemeProvider>
        <App />
      </ThemeProvider>
    </StrictMode>
  )
}
