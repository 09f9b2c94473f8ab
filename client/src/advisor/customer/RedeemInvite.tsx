import { InviteCode } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { advisorApi } from '../advisorApi.ts'
import { useAsync } from '../useAsync.ts'
import { SuiteGuide } from './SuiteGuide.tsx'

/** A family member joins the suite they were invited to with the customer's code. */
export function RedeemInvite() {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [reference, setReference] = useState<string>()
  const { busy, error, run } = useAsync()
  if (reference) return <SuiteGuide reference={reference} />
  const valid = InviteCode.safeParse(code.trim().toUpperCase()).success
  return (
    <form
      className="advisor-form"
      onSubmit={(e) => {
        e.preventDefault()
        void run(() => advisorApi.redeem(code.trim().toUpperCase())).then((r) => r && setReference(r.reference))
      }}
    >
      <label>
        {t('advisor.invite.redeem')} <input value={code} maxLength={8} onChange={(e) => setCode(e.target.value)} />
      </label>
      <button type="submit" disabled={busy || !valid}>
        {t('advisor.invite.join')}
      </button>
      <ErrorText message={error} />
    </form>
  )
}
