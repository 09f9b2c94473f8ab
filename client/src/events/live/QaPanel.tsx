import { EV_C2S, type QuestionStatus } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { sendAuditorium } from '../auditoriumConnection.ts'
import { useAuditorium } from '../useAuditorium.ts'

const MODERATION: [QuestionStatus, string][] = [
  ['approved', 'events.qa.approve'],
  ['answered', 'events.qa.answered'],
  ['dismissed', 'events.qa.dismiss'],
]

/** Q&A: ask, upvote once, sort by votes or time; the host moderates (approve, answered, dismiss). */
export function QaPanel() {
  const { t } = useTranslation()
  const questions = useAuditorium((s) => s.questions)
  const host = useAuditorium((s) => s.host)
  const [byTime, setByTime] = useState(false)
  const sorted = [...questions].sort((a, b) =>
    byTime ? b.createdAt - a.createdAt || b.id - a.id : b.votes - a.votes || a.id - b.id,
  )
  const ask = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const input = e.currentTarget.elements.namedItem('question') as HTMLInputElement
    const text = input.value.trim()
    if (text) sendAuditorium(EV_C2S.ask, { text })
    input.value = ''
  }
  return (
    <div>
      <h4>{t('events.qa.heading')}</h4>
      <div className="segmented" role="group">
        <button type="button" aria-pressed={!byTime} onClick={() => setByTime(false)}>
          {t('events.qa.byVotes')}
        </button>
        <button type="button" aria-pressed={byTime} onClick={() => setByTime(true)}>
          {t('events.qa.byTime')}
        </button>
      </div>
      <form className="row" onSubmit={ask}>
        <input name="question" maxLength={300} aria-label={t('events.qa.ask')} placeholder={t('events.qa.ask')} />
        <button type="submit">{t('events.qa.send')}</button>
      </form>
      {sorted.length === 0 && <p className="muted">{t('events.qa.none')}</p>}
      <ol id="event-questions">
        {sorted.map((q) => (
          <li key={q.id} data-votes={q.votes}>
            <span className="q-text">{q.text}</span> <span className="muted">({q.authorName})</span> ·{' '}
            {t(`events.qa.statuses.${q.status}`)}{' '}
            {q.status === 'pending' || q.status === 'dismissed' ? (
              t('events.qa.votes', { votes: q.votes })
            ) : (
              <button
                type="button"
                data-action="upvote"
                disabled={q.mine}
                aria-pressed={q.mine}
                onClick={() => sendAuditorium(EV_C2S.vote, { questionId: q.id })}
              >
                {t('events.qa.upvote', { votes: q.votes })}
              </button>
            )}
            {host &&
              MODERATION.filter(([st]) => st !== q.status).map(([st, key]) => (
                <button
                  key={st}
                  type="button"
                  data-action={st}
                  onClick={() => sendAuditorium(EV_C2S.moderate, { questionId: q.id, status: st })}
                >
                  {t(key)}
                </button>
              ))}
          </li>
        ))}
      </ol>
    </div>
  )
}
