import { CreateEventRequest, EVENT_LANGS, type EventLang } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { useApiAction } from '../../account/useApiAction.ts'
import { eventsApi } from '../eventsApi.ts'

/** Local date-time input value an hour from now, rounded to the quarter hour. */
function defaultStart(): string {
  const d = new Date(Math.ceil((Date.now() + 3600_000) / 900_000) * 900_000)
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16)
}

/** Educators schedule an event: bilingual title and description, time, capacity, language, approval, recording. */
export function CreateEventForm({ onCreated }: { onCreated: () => Promise<void> }) {
  const { t } = useTranslation()
  const { busy, error, run, invalid } = useApiAction()
  const [done, setDone] = useState(false)

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const f = new FormData(e.currentTarget)
    const s = (k: string) => String(f.get(k) ?? '').trim()
    const opt = (k: string) => s(k) || undefined
    const parsed = CreateEventRequest.safeParse({
      title: { 'zh-CN': opt('titleZh'), en: opt('titleEn') },
      description: { 'zh-CN': opt('descriptionZh'), en: opt('descriptionEn') },
      startsAt: new Date(s('start')).getTime(),
      durationMinutes: Number(s('duration')),
      capacity: Number(s('capacity')),
      lang: s('lang') as EventLang,
      approvalRequired: f.get('approval') === 'on',
      recording: f.get('recording') === 'on',
      minAttendance: Number(s('minAttendance')) / 100,
    })
    if (!parsed.success)
      return invalid(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))
    const form = e.currentTarget
    void run(async () => {
      await eventsApi.create(parsed.data)
      form.reset()
      setDone(true)
      await onCreated()
    })
  }

  return (
    <form onSubmit={submit} aria-labelledby="event-form-heading">
      <h3 id="event-form-heading">{t('events.form.heading')}</h3>
      <label>
        {t('events.form.titleZh')} <input name="titleZh" maxLength={120} />
      </label>
      <label>
        {t('events.form.titleEn')} <input name="titleEn" maxLength={120} />
      </label>
      <label>
        {t('events.form.descriptionZh')} <textarea name="descriptionZh" maxLength={4000} rows={2} />
      </label>
      <label>
        {t('events.form.descriptionEn')} <textarea name="descriptionEn" maxLength={4000} rows={2} />
      </label>
      <label>
        {t('events.form.start')} <input name="start" type="datetime-local" defaultValue={defaultStart()} required />
      </label>
      <label>
        {t('events.form.duration')} <input name="duration" type="number" min={5} max={480} defaultValue={60} />
      </label>
      <label>
        {t('events.form.capacity')} <input name="capacity" type="number" min={1} max={5000} defaultValue={200} />
      </label>
      <label>
        {t('events.form.lang')}{' '}
        <select name="lang" defaultValue="both">
          {EVENT_LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`events.langs.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('events.form.minAttendance')}{' '}
        <input name="minAttendance" type="number" min={10} max={100} defaultValue={80} />
      </label>
      <label>
        <input name="approval" type="checkbox" /> {t('events.form.approval')}
      </label>
      <label>
        <input name="recording" type="checkbox" /> {t('events.form.recording')}
      </label>
      <button type="submit" disabled={busy}>
        {t('events.form.create')}
      </button>
      {error && <p role="alert">{t(error.key, error.params)}</p>}
      {done && !error && <p role="status">{t('events.form.created')}</p>}
    </form>
  )
}
