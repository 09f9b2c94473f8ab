import { useTranslation } from 'react-i18next'

import { formatDeadline, splitDisclosure, type HostChatItem } from './hostReplies.ts'

interface HostLineProps {
  item: HostChatItem
  /** Asks a suggested question; chips are disabled while a question is pending. */
  onSuggest: (text: string) => void
  busy: boolean
}

/** One line of the conversation, styled by reply kind; every value is rendered as text. */
export function HostLine({ item, onSuggest, busy }: HostLineProps) {
  const { t, i18n } = useTranslation()
  if (item.from === 'visitor') {
    return (
      <li className="host-line from-visitor" data-from="visitor">
        <strong className="sr-only">{t('host.you')}: </strong>
        <span className="text">{item.text}</span>
      </li>
    )
  }
  const reply = item.reply
  const kind = reply?.kind ?? item.kind ?? 'answer'
  const { body, disclosure } = splitDisclosure(item.text, reply?.disclosure)
  const title =
    kind === 'fraud_warning' ? t('host.fraudTitle') : kind === 'advice_guardrail' ? t('host.guardrailTitle') : undefined
  return (
    <li className={`host-line from-host kind-${kind}`} data-from="host" data-kind={kind}>
      <strong className="sr-only">{t('host.hostName')}: </strong>
      {title && (
        <strong className="kind-title">
          {kind === 'fraud_warning' && <span aria-hidden>⚠ </span>}
          {title}
        </strong>
      )}
      <span className="text">{body}</span>
      {disclosure && (
        <aside className="disclosure" aria-label={t('host.disclosure')}>
          <strong>{t('host.disclosure')}</strong> <span>{disclosure}</span>
        </aside>
      )}
      {reply?.reference && (
        <p className="reference" data-reference={reply.reference}>
          {t('host.reference')}: <strong>{reply.reference}</strong>
        </p>
      )}
      {kind === 'handoff' && reply && <p className="host-note">{t('host.handoffNote')}</p>}
      {kind === 'complaint' && reply?.dueAt !== undefined && (
        <p className="host-note">{t('host.complaintDue', { time: formatDeadline(reply.dueAt, i18n.language) })}</p>
      )}
      {item.note && (
        <p className="host-note" data-note={item.note.key}>
          {t(`host.${item.note.key}`, { zone: t(`zones.${item.note.zone}`) })}
        </p>
      )}
      {reply?.suggestions && reply.suggestions.length > 0 && (
        <div className="suggestions" role="group" aria-label={t('host.suggestions')}>
          {reply.suggestions.map((s) => (
            <button key={s} type="button" className="suggestion" disabled={busy} onClick={() => onSuggest(s)}>
              {s}
            </button>
          ))}
        </div>
      )}
    </li>
  )
}
