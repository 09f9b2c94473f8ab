import type { HandoffPacket } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { useApiAction } from '../../account/useApiAction.ts'
import { apiFetch } from '../../auth/apiFetch.ts'
import { HandoffShared } from './HandoffShared.tsx'

interface HandoffCardProps {
  packet: HandoffPacket
  onTaken: (packet: HandoffPacket) => void
}

/** One hand-off request: who, in which language, what they need, the conversation, and a Take button. */
export function HandoffCard({ packet, onTaken }: HandoffCardProps) {
  const { t, i18n } = useTranslation()
  const take = useApiAction()
  const ref = packet.reference
  const onTake = () =>
    void take.run(async () =>
      onTaken(await apiFetch<HandoffPacket>(`/api/staff/handoffs/${encodeURIComponent(ref)}/take`, { method: 'POST' })),
    )

  return (
    <li className="handoff" data-reference={ref} data-status={packet.status}>
      <div className="row">
        <strong className="reference">{ref}</strong>
        <span className="visitor">{packet.visitor.displayName}</span>
        <span className="muted small">
          {packet.visitor.role === 'guest' ? t('hostStaff.guest') : t(`account.roles.${packet.visitor.role}`)}
        </span>
        <span className="small">{t(`hostStaff.langs.${packet.lang === 'zh-CN' ? 'zh' : 'en'}`)}</span>
        <time className="muted small" dateTime={new Date(packet.createdAt).toISOString()}>
          {new Date(packet.createdAt).toLocaleString(i18n.language)}
        </time>
        <span className={`handoff-status ${packet.status}`}>{t(`hostStaff.handoffStatus.${packet.status}`)}</span>
        {packet.status === 'open' && (
          <button type="button" className="primary take" disabled={take.busy} onClick={onTake}>
            {t('hostStaff.take')}
          </button>
        )}
      </div>
      <ErrorText message={take.error} />
      <p className="small">
        <strong>{t('hostStaff.needs')}:</strong>{' '}
        {packet.needs.length > 0
          ? packet.needs.map((n) => t(`hostStaff.topics.${n}`)).join(', ')
          : t('hostStaff.noNeeds')}
      </p>
      <HandoffShared packet={packet} />
      <details>
        <summary>{t('hostStaff.conversation', { count: packet.conversation.length })}</summary>
        <ol className="handoff-conversation">
          {packet.conversation.map((turn, i) => (
            <li key={i} data-from={turn.from}>
              <strong>{t(`hostStaff.from.${turn.from}`)}:</strong> <span className="text">{turn.text}</span>
            </li>
          ))}
        </ol>
      </details>
    </li>
  )
}
