import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { advisorApi } from '../advisorApi.ts'
import { useAsync } from '../useAsync.ts'

const DAY = 24 * 60 * 60 * 1000

/** Private notes and follow-up tasks with a due date. */
export function NotesForm({ reference }: { reference: string }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const [task, setTask] = useState('')
  const [days, setDays] = useState(3)
  const [saved, setSaved] = useState(0)
  const { busy, error, run } = useAsync()
  const done = () => setSaved((n) => n + 1)
  return (
    <div className="advisor-form">
      <label>
        {t('advisor.notes.note')}
        <textarea rows={2} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button
        type="button"
        disabled={busy || note.trim() === ''}
        onClick={() => void run(() => advisorApi.note(reference, note)).then(() => (setNote(''), done()))}
      >
        {t('advisor.notes.save')}
      </button>
      <label>
        {t('advisor.notes.followUp')} <input value={task} maxLength={300} onChange={(e) => setTask(e.target.value)} />
      </label>
      <label>
        {t('advisor.notes.dueInDays')}{' '}
        <input type="number" min={0} max={90} value={days} onChange={(e) => setDays(Number(e.target.value))} />
      </label>
      <button
        type="button"
        disabled={busy || task.trim() === ''}
        onClick={() =>
          void run(() => advisorApi.followUp(reference, task, Date.now() + days * DAY)).then(
            () => (setTask(''), done()),
          )
        }
      >
        {t('advisor.notes.addFollowUp')}
      </button>
      {saved > 0 && <p role="status">{t('advisor.notes.saved')}</p>}
      <ErrorText message={error} />
    </div>
  )
}
