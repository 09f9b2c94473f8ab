import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { advisorApi } from '../advisorApi.ts'
import { useAsync } from '../useAsync.ts'

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)

/** Ends the session with the summary the customer receives: what was discussed, next steps, disclosures shown. */
export function SummaryForm({ reference, onEnded }: { reference: string; onEnded: () => void }) {
  const { t } = useTranslation()
  const [discussed, setDiscussed] = useState('')
  const [nextSteps, setNextSteps] = useState('')
  const [disclosures, setDisclosures] = useState(t('advisor.summary.defaultDisclosure'))
  const { busy, error, run } = useAsync()
  return (
    <form
      className="advisor-form"
      id="console-summary"
      onSubmit={(e) => {
        e.preventDefault()
        void run(() =>
          advisorApi.summarize(reference, { discussed, nextSteps: lines(nextSteps), disclosures: lines(disclosures) }),
        ).then((r) => r !== undefined && onEnded())
      }}
    >
      <h4>{t('advisor.summary.title')}</h4>
      <label>
        {t('advisor.summary.discussed')}
        <textarea rows={3} value={discussed} maxLength={4000} onChange={(e) => setDiscussed(e.target.value)} />
      </label>
      <label>
        {t('advisor.summary.nextSteps')}
        <textarea rows={2} value={nextSteps} onChange={(e) => setNextSteps(e.target.value)} />
      </label>
      <label>
        {t('advisor.summary.disclosures')}
        <textarea rows={2} value={disclosures} onChange={(e) => setDisclosures(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || discussed.trim() === ''}>
        {t('advisor.summary.send')}
      </button>
      <ErrorText message={error} />
    </form>
  )
}
