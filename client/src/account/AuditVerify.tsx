import type { AuditVerifyResult } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiFetch } from '../auth/apiFetch.ts'
import { ErrorText } from './ErrorText.tsx'
import { useApiAction } from './useApiAction.ts'

/** Checks the audit trail's hash chain on the server and says whether it is intact. */
export function AuditVerify() {
  const { t } = useTranslation()
  const { busy, error, run } = useApiAction()
  const [result, setResult] = useState<AuditVerifyResult>()

  const verify = () =>
    void run(async () => {
      setResult(undefined)
      setResult(await apiFetch<AuditVerifyResult>('/api/audit/verify'))
    })

  return (
    <div className="row audit-verify">
      <button id="audit-verify" type="button" disabled={busy} onClick={verify}>
        {busy ? t('audit.verifying') : t('audit.verify')}
      </button>
      <p role="status" className={result && !result.ok ? 'error' : result ? 'ok-text' : ''} data-ok={result?.ok}>
        {result?.ok && t('audit.verifyOk', { count: result.entries })}
        {result &&
          !result.ok &&
          t('audit.verifyBroken', {
            seq: result.firstBroken?.seq ?? '?',
            reason: result.firstBroken?.reason ?? '?',
            count: result.entries,
          })}
      </p>
      <ErrorText message={error} />
    </div>
  )
}
