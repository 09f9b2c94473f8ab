import { SUITABILITY_DISCLOSURE, type PlanSuitabilityCheck, type SandboxPlanData } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { errorMessage, type Message } from '../../auth/errorMessage.ts'
import { toLang } from '../../hostChat/uiLang.ts'
import { confirmSuitability, isCleared, useConfirmations } from './suitabilityStore.ts'

/**
 * The explicit confirmation a suitability warning needs (risk above the category, or an expired questionnaire):
 * the disclosure text, a checkbox and a button that records it on the server. Shows "recorded" once it is.
 */
export function SuitabilityConfirm({
  check,
  data,
  idPrefix,
}: {
  check: PlanSuitabilityCheck
  data: SandboxPlanData
  idPrefix: string
}) {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const keys = useConfirmations((s) => s.keys)
  const [ticked, setTicked] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Message>()
  if (isCleared(check, keys)) {
    return (
      <p id={`${idPrefix}-confirmed`} className="muted" role="status">
        {t('sandboxShare.confirm.recorded')}
      </p>
    )
  }
  const onConfirm = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await confirmSuitability(data, lang)
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="sandbox-confirm">
      <label htmlFor={`${idPrefix}-check`}>
        <input
          id={`${idPrefix}-check`}
          type="checkbox"
          checked={ticked}
          onChange={(e) => setTicked(e.target.checked)}
        />
        <span>{SUITABILITY_DISCLOSURE[lang]}</span>
      </label>
      <button id={`${idPrefix}-submit`} type="button" disabled={!ticked || busy} onClick={() => void onConfirm()}>
        {t('sandboxShare.confirm.submit')}
      </button>
      <ErrorText message={error} />
    </div>
  )
}
