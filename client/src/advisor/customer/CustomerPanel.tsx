import { useTranslation } from 'react-i18next'

import { setAdvisorTab, useAdvisorUi, type CustomerTab } from '../advisorStore.ts'
import { PanelFrame } from '../PanelFrame.tsx'
import { AppointmentsTab } from './AppointmentsTab.tsx'
import { ComplaintsTab } from './ComplaintsTab.tsx'
import { InboxTab } from './InboxTab.tsx'
import { TalkNowTab } from './TalkNowTab.tsx'

const TABS: CustomerTab[] = ['talk', 'appointments', 'inbox', 'complaints']

/** The customer's side of live advisors: talk now, appointments, inbox (summaries, reminders), complaints. */
export function CustomerPanel() {
  const { t } = useTranslation()
  const tab = useAdvisorUi((s) => s.tab)
  return (
    <PanelFrame title={t('advisor.title')} className="sandbox-panel advisor-panel">
      <div className="advisor-tabs" role="tablist">
        {TABS.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setAdvisorTab(id)}>
            {t(`advisor.tabs.${id}`)}
          </button>
        ))}
      </div>
      <div className="sandbox-body" role="tabpanel">
        {tab === 'talk' && <TalkNowTab />}
        {tab === 'appointments' && <AppointmentsTab />}
        {tab === 'inbox' && <InboxTab />}
        {tab === 'complaints' && <ComplaintsTab />}
      </div>
    </PanelFrame>
  )
}
