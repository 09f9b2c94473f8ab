import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { advisorApi } from '../advisorApi.ts'
import { useAsync } from '../useAsync.ts'

/** The customer invites a family member into the suite with a one-time code. */
export function InviteFamily({ reference }: { reference: string }) {
  const { t } = useTranslation()
  const [code, setCode] = useState<string>()
  const { busy, error, run } = useAsync()
  return (
    <div className="advisor-form">
      <button
        type="button"
        disabled={busy}
        onClick={() => void run(() => advisorApi.invite(reference)).then((r) => r && setCode(r.code))}
      >
        {t('advisor.invite.create')}
      </button>
      {code && (
        <p role="status">
          {t('advisor.invite.code')} <strong id="advisor-invite-code">{code}</strong>
        </p>
      )}
      <ErrorText message={error} />
    </div>
  )
}
