import type { PlanView } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { errorMessage } from '../../auth/errorMessage.ts'
import { downloadReport } from '../shared/shareApi.ts'

/** Downloads a saved plan's one-page PDF report in the UI language. */
export function PlanReportButton({ plan }: { plan: PlanView }) {
  const { t, i18n } = useTranslation()
  const [failed, setFailed] = useState<string>()
  const onClick = () => {
    setFailed(undefined)
    downloadReport(
      `/api/me/plans/${encodeURIComponent(plan.id)}/report.pdf`,
      i18n.language,
      'atrium-plan-report.pdf',
    ).catch((e: unknown) => {
      const m = errorMessage(e)
      setFailed(t(m.key, m.params))
    })
  }
  return (
    <>
      <button type="button" onClick={onClick} aria-label={t('sandboxShare.report.planNamed', { name: plan.name })}>
        {t('sandboxShare.report.pdf')}
      </button>
      {failed && (
        <span className="error" role="alert">
          {failed}
        </span>
      )}
    </>
  )
}
