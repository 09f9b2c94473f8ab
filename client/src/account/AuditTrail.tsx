import type { AuditEntryView } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiFetch } from '../auth/apiFetch.ts'
import { AuditFilters } from './AuditFilters.tsx'
import { AuditRow } from './AuditRow.tsx'
import { AuditVerify } from './AuditVerify.tsx'
import { ErrorText } from './ErrorText.tsx'
import { auditQuery, NO_AUDIT_FILTERS, type AuditFilterValues } from './queryString.ts'
import { useApiAction } from './useApiAction.ts'
import { useApiResource } from './useApiResource.ts'

const LIMIT = 50

interface AuditPage {
  entries: AuditEntryView[]
}

/** Compliance: filter the audit trail, page back through it, and verify its hash chain. */
export function AuditTrail() {
  const { t } = useTranslation()
  const [filters, setFilters] = useState<AuditFilterValues>(NO_AUDIT_FILTERS)
  const { data, error, loading } = useApiResource<AuditPage>(`/api/audit${auditQuery(filters, LIMIT)}`)
  const [older, setOlder] = useState<AuditEntryView[]>([])
  const [olderDone, setOlderDone] = useState(false)
  const more = useApiAction()
  const entries = [...(data?.entries ?? []), ...older]
  const oldest = entries.reduce((min, e) => Math.min(min, e.seq), Infinity)
  const canPage = !olderDone && (data?.entries.length ?? 0) === LIMIT && oldest > 1

  const apply = (f: AuditFilterValues) => {
    setOlder([])
    setOlderDone(false)
    setFilters(f)
  }
  const loadOlder = () =>
    void more.run(async () => {
      const page = await apiFetch<AuditPage>(`/api/audit${auditQuery(filters, LIMIT, oldest)}`)
      setOlder((o) => [...o, ...page.entries])
      if (page.entries.length < LIMIT) setOlderDone(true)
    })

  return (
    <div className="audit">
      <AuditFilters onApply={apply} />
      <AuditVerify />
      <ErrorText message={error ?? more.error} />
      <div className="table-wrap">
        <table aria-busy={loading}>
          <caption>{t('audit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('audit.seq')}</th>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actorCol')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.subjectCol')}</th>
              <th scope="col">{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <AuditRow key={e.seq} entry={e} />
            ))}
          </tbody>
        </table>
      </div>
      {data && entries.length === 0 && <p className="muted">{t('audit.empty')}</p>}
      {canPage && (
        <button type="button" disabled={more.busy} onClick={loadOlder}>
          {t('audit.older')}
        </button>
      )}
    </div>
  )
}
