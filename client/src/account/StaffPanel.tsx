import type { Role } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { AdminUsers } from './AdminUsers.tsx'
import { AuditTrail } from './AuditTrail.tsx'

/** Staff tools by role: admins manage users, compliance officers read and verify the audit trail. */
export function StaffPanel({ role }: { role: Role }) {
  const { t } = useTranslation()
  return (
    <section className="account-section staff" aria-labelledby="staff-heading">
      <h3 id="staff-heading">
        {t('staff.title')} · {role === 'admin' ? t('staff.users') : t('staff.audit')}
      </h3>
      {role === 'admin' && <AdminUsers />}
      {role === 'compliance' && <AuditTrail />}
    </section>
  )
}
