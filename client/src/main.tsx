import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/600.css'
import './styles.css'

import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

import { App } from './App.tsx'
import { restoreSession } from './auth/authApi.ts'
import { initI18n } from './i18n/index.ts'

initI18n()
// the refresh cookie, if any, brings back the signed-in session after a reload
void restoreSession()
// the wealth-sandbox worker's test hook (window.__atriumSandbox), only where the scene's test hook is enabled
if (import.meta.env.DEV || new URLSearchParams(location.search).has('testhook'))
  void import('./sandbox/worker/testHook.ts')

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
