import type { AuditEntryView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

/** One audit entry as a table row; every value is rendered as text. */
export function AuditRow({ entry }: { entry: AuditEntryView }) {
  const { t, i18n } = useTranslation()
  const detail = Object.keys(entry.detail).length ? JSON.stringify(entry.detail) : ''
  const role =
    entry.actorRole === 'system'
      ? t('audit.system')
      : t(`account.roles.${entry.actorRole}`, { defaultValue: entry.actorRole })
  return (
    <tr data-seq={entry.seq}>
      <td>{entry.seq}</td>
      <td>
        <time dateTime={new Date(entry.at).toISOString()}>{new Date(entry.at).toLocaleString(i18n.language)}</time>
      </td>
      <td>
        <code>{entry.actorId}</code> <span className="muted small">{role}</span>
      </td>
      <td>
        {t(`auditActions.${entry.action}`, { defaultValue: entry.action })}{' '}
        <code className="muted small">{entry.action}</code>
      </td>
      <td>{entry.subjectId ? <code>{entry.subjectId}</code> : '—'}</td>
      <td className="detail">
        <code>{detail}</code>
      </td>
    </tr>
  )
}
