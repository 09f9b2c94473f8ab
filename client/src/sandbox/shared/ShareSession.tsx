import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import type { Message } from '../../auth/errorMessage.ts'
import { MemberList } from './MemberList.tsx'
import { ProposalList } from './ProposalList.tsx'
import { leaveShared } from './ShareConnection.ts'
import { closeSharedSession, downloadReport } from './shareApi.ts'
import { shareMessage } from './shareErrors.ts'
import { useShare } from './shareStore.ts'

/** Inside a session: the invite code (owner), members, proposals, the session's report, leave or end. */
export function ShareSession() {
  const { t, i18n } = useTranslation()
  const sessionId = useShare((s) => s.sessionId)
  const code = useShare((s) => s.inviteCode)
  const role = useShare((s) => s.role)
  const lastError = useShare((s) => s.lastError)
  const [error, setError] = useState<Message>()
  const owner = role === 'owner'
  const guard = (work: Promise<void>) => work.catch((e: unknown) => setError(shareMessage(e)))
  const onEnd = () =>
    guard(
      (async () => {
        if (sessionId) await closeSharedSession(sessionId)
        await leaveShared()
      })(),
    )
  const onReport = () =>
    sessionId &&
    guard(
      downloadReport(
        `/api/sandbox/sessions/${encodeURIComponent(sessionId)}/report.pdf`,
        i18n.language,
        'atrium-plan-report.pdf',
      ),
    )
  return (
    <div className="sandbox-share-session">
      <p role="status">{t('sandboxShare.inSession', { role: t(`sandboxShare.role.${role ?? 'family'}`) })}</p>
      {owner && code && (
        <p>
          {t('sandboxShare.inviteLabel')} <strong id="sandbox-invite-code">{code}</strong>
          <span className="muted"> {t('sandboxShare.inviteHint')}</span>
        </p>
      )}
      <MemberList />
      <ProposalList />
      {lastError && <ErrorText message={shareMessage(lastError.code)} id="sandbox-share-error" />}
      <ErrorText message={error} />
      <div className="sandbox-share-actions">
        <button id="sandbox-share-report" type="button" onClick={() => void onReport()}>
          {t('sandboxShare.report.session')}
        </button>
        <button id="sandbox-share-leave" type="button" onClick={() => void guard(leaveShared())}>
          {t('sandboxShare.leave')}
        </button>
        {owner && (
          <button id="sandbox-share-end" type="button" onClick={() => void onEnd()}>
            {t('sandboxShare.end')}
          </button>
        )}
      </div>
    </div>
  )
}
