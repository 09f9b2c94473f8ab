import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

import { useSession } from '../auth/useSession.ts'
import './advisor.css'
import { onUserNotice } from '../net/userNotices.ts'
import { closeAdvisor, openAdvisor, suiteReady, useAdvisorUi } from './advisorStore.ts'
import { AdvisorConsole } from './console/AdvisorConsole.tsx'
import { CustomerPanel } from './customer/CustomerPanel.tsx'

/** The overlay's entry to live advisors: the customer panel (talk now, appointments, inbox) or the staff console. */
export function AdvisorEntry() {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const open = useAdvisorUi((s) => s.open)
  // an advisor accepted (in any process): show the customer the way into the suite now, not at the next poll
  useEffect(() => onUserNotice((n) => n.kind === 'suite.ready' && suiteReady()), [])
  if (role !== 'customer' && role !== 'advisor') return null
  const staff = role === 'advisor'
  return (
    <>
      <button
        id="hud-advisor"
        type="button"
        aria-expanded={open}
        aria-controls={open ? 'advisor-panel' : undefined}
        onClick={() => (open ? closeAdvisor() : openAdvisor())}
      >
        {staff ? t('advisor.console.open') : t('advisor.open')}
      </button>
      {open && (staff ? <AdvisorConsole /> : <CustomerPanel />)}
    </>
  )
}
