import { useTranslation } from 'react-i18next'

import { useSession } from '../../auth/useSession.ts'
import { SessionList } from './SessionList.tsx'
import { ShareSession } from './ShareSession.tsx'
import { ShareStart } from './ShareStart.tsx'
import { useShare } from './shareStore.ts'

/**
 * "Share / work together": a customer shares the plan with an advisor or family member in a shared session; the
 * planner then follows the session's plan. Guests and staff other than advisors are told who can use it.
 */
export function SharePanel() {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const status = useShare((s) => s.status)
  const allowed = role === 'customer' || role === 'advisor'
  return (
    <section id="sandbox-share" className="sandbox-share" aria-labelledby="sandbox-share-heading">
      <h3 id="sandbox-share-heading">{t('sandboxShare.title')}</h3>
      {!allowed ? (
        <p className="muted">{t('sandboxShare.signIn')}</p>
      ) : status === 'joined' || status === 'reconnecting' ? (
        <>
          {status === 'reconnecting' && <p role="status">{t('sandboxShare.reconnecting')}</p>}
          <ShareSession />
        </>
      ) : (
        <>
          {status === 'connecting' && <p role="status">{t('sandboxShare.connecting')}</p>}
          {status === 'ended' && <p role="status">{t('sandboxShare.ended')}</p>}
          {status === 'failed' && (
            <p className="error" role="alert">
              {t('sandboxShare.failed')}
            </p>
          )}
          <p className="muted">{t('sandboxShare.intro')}</p>
          <SessionList />
          <ShareStart canStart={role === 'customer'} />
        </>
      )}
    </section>
  )
}
