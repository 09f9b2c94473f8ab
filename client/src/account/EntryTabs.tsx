import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

export type EntryMode = 'guest' | 'signIn' | 'register'
const MODES: readonly EntryMode[] = ['guest', 'signIn', 'register']

/** Guest / sign in / register tabs; arrow keys, Home and End move between them (WAI-ARIA tabs). */
export function EntryTabs({ mode, onChange }: { mode: EntryMode; onChange: (m: EntryMode) => void }) {
  const { t } = useTranslation()
  const tabs = useRef<(HTMLButtonElement | null)[]>([])

  const onKeyDown = (e: KeyboardEvent) => {
    const i = MODES.indexOf(mode)
    const n = { ArrowRight: i + 1, ArrowLeft: i - 1 + MODES.length, Home: 0, End: MODES.length - 1 }[e.key]
    if (n === undefined) return
    e.preventDefault()
    const next = MODES[n % MODES.length]
    if (!next) return
    onChange(next)
    tabs.current[n % MODES.length]?.focus()
  }

  return (
    <div className="segmented tabs" role="tablist" aria-label={t('entry.label')} onKeyDown={onKeyDown}>
      {MODES.map((m, i) => (
        <button
          key={m}
          ref={(el) => {
            tabs.current[i] = el
          }}
          type="button"
          role="tab"
          id={`entry-tab-${m}`}
          aria-selected={mode === m}
          aria-controls="entry-panel"
          tabIndex={mode === m ? 0 : -1}
          onClick={() => onChange(m)}
        >
          {t(`entry.${m}`)}
        </button>
      ))}
    </div>
  )
}
