import { useTranslation } from 'react-i18next'

import { useSession } from '../auth/useSession.ts'
import './advisor.css'
import { closeAdvisor, openAdvisor, useAdvisorUi } from './advisorStore.ts'
import { AdvisorConsole } from './console/AdvisorConsole.tsx'
import { CustomerPanel } from './customer/CustomerPanel.tsx'

/** The overlay's entry to live advisors: the customer panel (talk now, appointments, inbox) or the staff console. */
export function AdvisorEntry() {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const open = useAdvisorUi((s) => s.open)
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
