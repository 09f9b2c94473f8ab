import type { Role } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ComplaintList } from '../hostChat/staff/ComplaintList.tsx'
import { HandoffRequests } from '../hostChat/staff/HandoffRequests.tsx'
import { staffTabs, type StaffTab } from '../hostChat/staff/staffTabs.ts'
import { AdminUsers } from './AdminUsers.tsx'
import { AuditTrail } from './AuditTrail.tsx'
import { StaffTabs } from './StaffTabs.tsx'

/**
 * Staff tools by role: admins manage users, compliance officers read and verify the audit trail,
 * advisors take the digital host's hand-off requests; all of them see hand-offs and complaints.
 */
export function StaffPanel({ role }: { role: Role }) {
  const { t } = useTranslation()
  const tabs = staffTabs(role)
  const [chosen, setTab] = useState<StaffTab>()
  const tab = chosen && tabs.includes(chosen) ? chosen : tabs[0]
  if (!tab) return null
  return (
    <section className="account-section staff" aria-labelledby="staff-heading">
      <h3 id="staff-heading">{t('staff.title')}</h3>
      <StaffTabs tabs={tabs} tab={tab} onChange={setTab} />
      <div id="staff-tabpanel" role="tabpanel" aria-labelledby={`staff-tab-${tab}`}>
        {tab === 'users' && <AdminUsers />}
        {tab === 'audit' && <AuditTrail />}
        {tab === 'handoffs' && <HandoffRequests />}
        {tab === 'complaints' && <ComplaintList />}
      </div>
    </section>
  )
}
