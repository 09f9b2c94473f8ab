import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { advisorApi } from '../advisorApi.ts'
import { useAsync } from '../useAsync.ts'

/** Rates an ended session once (1–5 stars and an optional comment). */
export function RatingForm({ reference, onDone }: { reference: string; onDone: () => void }) {
  const { t } = useTranslation()
  const [stars, setStars] = useState(5)
  const [comment, setComment] = useState('')
  const { busy, error, run } = useAsync()
  return (
    <form
      className="advisor-form"
      onSubmit={(e) => {
        e.preventDefault()
        void run(() => advisorApi.rate(reference, stars, comment)).then(onDone)
      }}
    >
      <label>
        {t('advisor.rating.stars')}{' '}
        <select value={stars} onChange={(e) => setStars(Number(e.target.value))}>
          {[5, 4, 3, 2, 1].map((n) => (
            <option key={n} value={n}>
              {'★'.repeat(n)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('advisor.rating.comment')}{' '}
        <input value={comment} maxLength={500} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit" disabled={busy}>
        {t('advisor.rating.send')}
      </button>
      <ErrorText message={error} />
    </form>
  )
}
