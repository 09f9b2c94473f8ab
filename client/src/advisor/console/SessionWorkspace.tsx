import type { AdvisorySessionView } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { SuiteGuide } from '../customer/SuiteGuide.tsx'
import { ContextCard } from './ContextCard.tsx'
import { NotesForm } from './NotesForm.tsx'
import { SummaryForm } from './SummaryForm.tsx'

/** The running session: into the suite, the customer's consented context, notes and follow-ups, the summary. */
export function SessionWorkspace({ session, onEnded }: { session: AdvisorySessionView; onEnded: () => void }) {
  const { t } = useTranslation()
  return (
    <section aria-labelledby="console-session" id="console-session-panel" data-reference={session.reference}>
      <h3 id="console-session">
        {t('advisor.console.session', { name: session.customer.displayName, reference: session.reference })}
      </h3>
      <SuiteGuide reference={session.reference} />
      <ContextCard reference={session.reference} />
      <NotesForm reference={session.reference} />
      <SummaryForm reference={session.reference} onEnded={onEnded} />
    </section>
  )
}
