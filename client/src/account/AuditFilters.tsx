import { AUDIT_ACTIONS, type AuditAction } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { NO_AUDIT_FILTERS, type AuditFilterValues } from './queryString.ts'

/** Filter inputs for the audit trail; applied on submit. */
export function AuditFilters({ onApply }: { onApply: (f: AuditFilterValues) => void }) {
  const { t } = useTranslation()
  const [f, setF] = useState<AuditFilterValues>(NO_AUDIT_FILTERS)
  const set = (patch: Partial<AuditFilterValues>) => setF((x) => ({ ...x, ...patch }))

  const submit = (e: FormEvent) => {
    e.preventDefault()
    onApply(f)
  }

  return (
    <form className="audit-filters" role="search" aria-label={t('audit.filters')} onSubmit={submit}>
      <div className="field">
        <label htmlFor="audit-actor">{t('audit.actor')}</label>
        <input id="audit-actor" maxLength={40} value={f.actor} onChange={(e) => set({ actor: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="audit-subject">{t('audit.subject')}</label>
        <input id="audit-subject" maxLength={40} value={f.subject} onChange={(e) => set({ subject: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="audit-action">{t('audit.action')}</label>
        <select
          id="audit-action"
          value={f.action}
          onChange={(e) => set({ action: e.target.value as AuditAction | '' })}
        >
          <option value="">{t('audit.anyAction')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {t(`auditActions.${a}`, { defaultValue: a })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="audit-from">{t('audit.from')}</label>
        <input id="audit-from" type="datetime-local" value={f.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">{t('audit.to')}</label>
        <input id="audit-to" type="datetime-local" value={f.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <button type="submit">{t('audit.apply')}</button>
    </form>
  )
}
