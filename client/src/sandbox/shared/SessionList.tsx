import type { SandboxSessionView } from '@atrium/common'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { joinShared } from './ShareConnection.ts'
import { listSharedSessions } from './shareApi.ts'

/**
 * The live shared sessions the signed-in person belongs to, to rejoin: after a reload, or for an advisor whom an
 * advisory suite added to the customer's session.
 */
export function SessionList() {
  const { t } = useTranslation()
  const [sessions, setSessions] = useState<SandboxSessionView[]>([])
  useEffect(() => {
    let live = true
    // without the list the code form still works, so a failure only hides it
    listSharedSessions().then(
      (list) => live && setSessions(list),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  if (sessions.length === 0) return null
  return (
    <ul id="sandbox-share-sessions" className="sandbox-share-sessions" aria-label={t('sandboxShare.yourSessions')}>
      {sessions.map((s) => (
        <li key={s.sessionId}>
          <span>{s.name}</span> <span className="muted">{t(`sandboxShare.role.${s.role}`)}</span>
          <button type="button" onClick={() => void joinShared(s.sessionId, s.inviteCode)}>
            {t('sandboxShare.rejoin')}
          </button>
        </li>
      ))}
    </ul>
  )
}
