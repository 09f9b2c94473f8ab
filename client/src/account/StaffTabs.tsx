import { useRef, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

import type { StaffTab } from '../hostChat/staff/staffTabs.ts'

const LABELS: Record<StaffTab, string> = {
  users: 'staff.users',
  audit: 'staff.audit',
  handoffs: 'hostStaff.handoffs',
  complaints: 'hostStaff.complaints',
}

interface StaffTabsProps {
  tabs: readonly StaffTab[]
  tab: StaffTab
  onChange: (tab: StaffTab) => void
}

/** The staff sections as WAI-ARIA tabs; arrow keys, Home and End move between them. */
export function StaffTabs({ tabs, tab, onChange }: StaffTabsProps) {
  const { t } = useTranslation()
  const refs = useRef<(HTMLButtonElement | null)[]>([])

  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.indexOf(tab)
    const n = { ArrowRight: i + 1, ArrowLeft: i - 1 + tabs.length, Home: 0, End: tabs.length - 1 }[e.key]
    if (n === undefined) return
    e.preventDefault()
    const next = tabs[n % tabs.length]
    if (!next) return
    onChange(next)
    refs.current[n % tabs.length]?.focus()
  }

  return (
    <div className="segmented tabs" role="tablist" aria-label={t('staff.title')} onKeyDown={onKeyDown}>
      {tabs.map((s, i) => (
        <button
          key={s}
          ref={(el) => {
            refs.current[i] = el
          }}
          type="button"
          role="tab"
          id={`staff-tab-${s}`}
          aria-selected={tab === s}
          aria-controls="staff-tabpanel"
          tabIndex={tab === s ? 0 : -1}
          onClick={() => onChange(s)}
        >
          {t(LABELS[s])}
        </button>
      ))}
    </div>
  )
}
