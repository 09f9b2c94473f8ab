import { EV_C2S, PollOpenMsg } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { sendAuditorium } from '../auditoriumConnection.ts'

/** The host opens a poll or a quiz (a quiz names its right option). */
export function PollCreator() {
  const { t } = useTranslation()
  const [invalid, setInvalid] = useState(false)
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const correct = String(f.get('correct') ?? '').trim()
    const parsed = PollOpenMsg.safeParse({
      question: String(f.get('question') ?? ''),
      options: String(f.get('options') ?? '')
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean),
      seconds: Number(f.get('seconds')),
      ...(correct && { correct: Number(correct) - 1 }),
    })
    setInvalid(!parsed.success)
    if (!parsed.success) return
    sendAuditorium(EV_C2S.pollOpen, parsed.data)
    e.currentTarget.reset()
  }
  return (
    <details>
      <summary id="event-poll-create">{t('events.poll.create')}</summary>
      <form id="event-poll-form" onSubmit={submit}>
        <label>
          {t('events.poll.question')} <input name="question" maxLength={200} required />
        </label>
        <label>
          {t('events.poll.options')} <textarea name="options" rows={3} required />
        </label>
        <label>
          {t('events.poll.seconds')} <input name="seconds" type="number" min={5} max={600} defaultValue={60} />
        </label>
        <label>
          {t('events.poll.correct')} <input name="correct" type="number" min={1} max={6} />
        </label>
        <button type="submit">{t('events.poll.launch')}</button>
        {invalid && <p role="alert">{t('apiErrors.invalid_body')}</p>}
      </form>
    </details>
  )
}
