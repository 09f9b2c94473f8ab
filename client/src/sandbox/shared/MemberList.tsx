import { useTranslation } from 'react-i18next'

import { useShare } from './shareStore.ts'

/** Who is in the shared session: display names, roles and who is connected now. */
export function MemberList() {
  const { t } = useTranslation()
  const members = useShare((s) => s.members)
  const me = useShare((s) => s.memberId)
  return (
    <ul id="sandbox-members" className="sandbox-members" aria-label={t('sandboxShare.members')}>
      {members.map((m) => (
        <li key={m.id} data-role={m.role} data-online={m.online ? 'yes' : 'no'}>
          <span>{m.name}</span> <span className="muted">{t(`sandboxShare.role.${m.role}`)}</span>
          {m.id === me && <span className="muted"> {t('sandboxShare.you')}</span>}
          <span className="sr-only">{t(m.online ? 'sandboxShare.online' : 'sandboxShare.offline')}</span>
        </li>
      ))}
    </ul>
  )
}
