import { ADVISOR_TOPICS, type AdvisorTopic, type Lang } from '@atrium/common'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { advisorApi } from '../advisorApi.ts'
import { useAdvisorUi } from '../advisorStore.ts'
import { minutes } from '../formatTime.ts'
import { usePolling } from '../usePolling.ts'
import { useAsync } from '../useAsync.ts'
import { InviteFamily } from './InviteFamily.tsx'
import { RedeemInvite } from './RedeemInvite.tsx'
import { SuiteGuide } from './SuiteGuide.tsx'

/** "Talk to an advisor now": topic and language, then the live position and estimated wait, leave at any time. */
export function TalkNowTab() {
  const { t, i18n } = useTranslation()
  const [topic, setTopic] = useState<AdvisorTopic>('wealth')
  const [lang, setLang] = useState<Lang>(i18n.language === 'zh-CN' ? 'zh-CN' : 'en')
  const { data: status, refresh } = usePolling(advisorApi.queueStatus, 3000)
  const { busy, error, run } = useAsync()
  // a running session, from the queue or a started appointment, is where the customer belongs
  const { data: active, refresh: refreshActive } = usePolling(advisorApi.activeSession, 3000)
  const suiteReadyAt = useAdvisorUi((s) => s.suiteReadyAt)
  useEffect(() => {
    if (suiteReadyAt) refreshActive()
  }, [suiteReadyAt, refreshActive])
  const session = active?.session ?? null
  const waiting = !session && status?.status === 'waiting'
  const accepted = session ? { reference: session.reference, advisorName: session.advisor.displayName } : null

  return (
    <div className="advisor-form" id="advisor-talk">
      {!waiting && !accepted && (
        <>
          <label>
            {t('advisor.talk.topic')}{' '}
            <select value={topic} onChange={(e) => setTopic(e.target.value as AdvisorTopic)}>
              {ADVISOR_TOPICS.map((x) => (
                <option key={x} value={x}>
                  {t(`advisor.topics.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('advisor.talk.language')}{' '}
            <select value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              <option value="zh-CN">简体中文</option>
              <option value="en">English</option>
            </select>
          </label>
          <button
            type="button"
            disabled={busy}
            onClick={() => void run(() => advisorApi.joinQueue(topic, lang)).then(refresh)}
          >
            {t('advisor.talk.join')}
          </button>
        </>
      )}
      {waiting && (
        <>
          <p role="status" id="advisor-position">
            {t('advisor.talk.position', {
              position: status.position ?? 0,
              minutes: minutes(status.estimatedWaitMs ?? 0),
            })}
          </p>
          <button type="button" disabled={busy} onClick={() => void run(advisorApi.leaveQueue).then(refresh)}>
            {t('advisor.talk.leave')}
          </button>
        </>
      )}
      {accepted && (
        <>
          <p role="status">{t('advisor.talk.accepted', { name: accepted.advisorName })}</p>
          <SuiteGuide reference={accepted.reference} />
          <InviteFamily reference={accepted.reference} />
        </>
      )}
      {!waiting && !accepted && <RedeemInvite />}
      <ErrorText message={error} />
    </div>
  )
}
