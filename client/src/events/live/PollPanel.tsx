import { EV_C2S } from '@atrium/common'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { sendAuditorium } from '../auditoriumConnection.ts'
import { auditoriumStore } from '../auditoriumStore.ts'
import { useAuditorium } from '../useAuditorium.ts'

/** The current poll: options to vote on while open, live counts (the same numbers as the 3D bars), the timer. */
export function PollPanel() {
  const { t } = useTranslation()
  const poll = useAuditorium((s) => s.poll)
  const voted = useAuditorium((s) => s.votedPolls)
  const quiz = useAuditorium((s) => s.quiz)
  const host = useAuditorium((s) => s.host)
  const [now, setNow] = useState(Date.now())

  useEffect(() => {
    if (!poll?.open) return
    const id = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(id)
  }, [poll?.open])

  if (!poll) return null
  const canVote = poll.open && !host && !voted.includes(poll.id)
  const vote = (choice: number) => {
    sendAuditorium(EV_C2S.pollVote, { pollId: poll.id, choice })
    auditoriumStore.setState((s) => ({ votedPolls: [...s.votedPolls, poll.id] }))
  }
  const total = poll.counts.reduce((a, b) => a + b, 0)
  return (
    <div id="event-poll" aria-live="polite">
      <h4>
        {poll.quiz ? t('events.poll.quiz') : t('events.poll.heading')}: {poll.question} ·{' '}
        {poll.open ? t('events.poll.open') : t('events.poll.closed')}
        {poll.open &&
          ` · ${t('events.poll.secondsLeft', { seconds: Math.max(0, Math.ceil((poll.endsAt - now) / 1000)) })}`}
      </h4>
      <ol className="poll-results">
        {poll.options.map((o, i) => (
          <li key={i} data-count={poll.counts[i] ?? 0}>
            {canVote ? (
              <button type="button" onClick={() => vote(i)}>
                {o}
              </button>
            ) : (
              o
            )}{' '}
            <meter min={0} max={Math.max(1, total)} value={poll.counts[i] ?? 0} aria-hidden />{' '}
            <span className="poll-count">{poll.counts[i] ?? 0}</span>
          </li>
        ))}
      </ol>
      {quiz?.pollId === poll.id && (
        <p role="status">{quiz.right ? t('events.live.quizRight') : t('events.live.quizWrong')}</p>
      )}
      {host && poll.open && (
        <button type="button" onClick={() => sendAuditorium(EV_C2S.pollClose, { pollId: poll.id })}>
          {t('events.poll.close')}
        </button>
      )}
    </div>
  )
}
