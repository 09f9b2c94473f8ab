import { ADVISOR_TOPICS, SLOT_MINUTES, type AdvisorTopic, type SlotView } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { useApiResource } from '../../account/useApiResource.ts'
import { advisorApi } from '../advisorApi.ts'
import { formatWhen } from '../formatTime.ts'
import { useAsync } from '../useAsync.ts'

/** Publishes slots (local time in, UTC stored) and withdraws unbooked ones. */
export function AvailabilityEditor() {
  const { t, i18n } = useTranslation()
  const mine = useApiResource<{ slots: SlotView[] }>('/api/advisors/availability')
  const [when, setWhen] = useState('')
  const [length, setLength] = useState<number>(30)
  const [topics, setTopics] = useState<AdvisorTopic[]>(['wealth'])
  const { busy, error, run } = useAsync()
  const startsAt = when ? new Date(when).getTime() : NaN
  return (
    <section aria-labelledby="console-availability">
      <h3 id="console-availability">{t('advisor.console.availability')}</h3>
      <form
        className="advisor-form"
        onSubmit={(e) => {
          e.preventDefault()
          void run(() => advisorApi.publish(startsAt, length, topics)).then(mine.reload)
        }}
      >
        <label>
          {t('advisor.console.slotStart')}{' '}
          <input type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />
        </label>
        <label>
          {t('advisor.console.slotLength')}{' '}
          <select value={length} onChange={(e) => setLength(Number(e.target.value))}>
            {SLOT_MINUTES.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('advisor.talk.topic')}</legend>
          {ADVISOR_TOPICS.map((x) => (
            <label key={x}>
              <input
                type="checkbox"
                checked={topics.includes(x)}
                onChange={(e) => setTopics(e.target.checked ? [...topics, x] : topics.filter((y) => y !== x))}
              />{' '}
              {t(`advisor.topics.${x}`)}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy || Number.isNaN(startsAt) || topics.length === 0}>
          {t('advisor.console.publish')}
        </button>
      </form>
      <ul className="advisor-list">
        {mine.data?.slots.map((s) => (
          <li key={s.id}>
            <span>
              {formatWhen(s.startsAt, i18n.language)} ·{' '}
              {s.booked ? t('advisor.console.booked') : t('advisor.console.free')}
            </span>
            {!s.booked && (
              <button
                type="button"
                disabled={busy}
                onClick={() => void run(() => advisorApi.withdraw(s.id)).then(mine.reload)}
              >
                {t('advisor.console.withdraw')}
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorText message={error ?? mine.error} />
    </section>
  )
}
