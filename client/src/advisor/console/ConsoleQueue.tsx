import type { QueueEntryView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { advisorApi } from '../advisorApi.ts'
import { minutes } from '../formatTime.ts'
import { useAsync } from '../useAsync.ts'

/** The live queue in serving order: topic, language, waiting time, source; accept, decline, accept the next. */
export function ConsoleQueue(props: {
  queue: QueueEntryView[]
  onAccepted: (reference: string) => void
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const { busy, error, run } = useAsync()
  const accept = (call: () => Promise<{ session: { reference: string } | null }>) =>
    void run(call).then((r) => (r?.session ? props.onAccepted(r.session.reference) : props.onChanged()))
  return (
    <section aria-labelledby="console-queue" id="console-queue-panel">
      <h3 id="console-queue">{t('advisor.console.queue', { count: props.queue.length })}</h3>
      <button type="button" disabled={busy || props.queue.length === 0} onClick={() => accept(advisorApi.acceptNext)}>
        {t('advisor.console.acceptNext')}
      </button>
      <ul className="advisor-list">
        {props.queue.map((q) => (
          <li key={q.reference} data-reference={q.reference} data-source={q.source}>
            <strong>{q.customer.displayName}</strong>
            <span>
              {t(`advisor.topics.${q.topic}`)} · {q.lang} · {t(`advisor.console.source.${q.source}`)}
            </span>
            <span className="muted">{t('advisor.console.waiting', { minutes: minutes(q.waitingMs) })}</span>
            <button
              type="button"
              className="accept"
              disabled={busy}
              onClick={() => accept(() => advisorApi.accept(q.reference))}
            >
              {t('advisor.console.accept')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() => void run(() => advisorApi.decline(q.reference)).then(props.onChanged)}
            >
              {t('advisor.console.decline')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorText message={error} />
    </section>
  )
}
