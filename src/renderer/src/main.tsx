import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, loadFirstScreen } from './App'
import { ThemeProvider } from './theme/ThemeProvider'
import './styles/theme.css'
import './styles/base.css'
import './styles/shell.css'
import './styles/table.css'
import './styles/form.css'

// Apply the remembered theme before React renders, so a dark-mode user never sees a white flash.
const stored = localStorage.getItem('smo.theme')
const dark = stored === 'dark' || (stored !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches)
document.documentElement.dataset.theme = dark ? 'dark' : 'light'

const root = document.getElementById('root')
if (root === null) throw new Error('index.html has no #root element')
// Rendered once the first screen's code is here (App.tsx, loadFirstScreen); should it fail to load,
// the screen's lazy loader tries again and shows its own error.
void loadFirstScreen()
  .catch(() => undefined)
  .then(() =>
    createRoot(root).render(
      <StrictMode>
        <ThemeProvider>
          <App />
        </ThemeProvider>
      </StrictMode>
    )
  )
