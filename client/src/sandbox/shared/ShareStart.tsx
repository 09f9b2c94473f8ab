import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import type { Message } from '../../auth/errorMessage.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import { joinShared } from './ShareConnection.ts'
import { joinByCode, openSharedSession } from './shareApi.ts'
import { shareMessage } from './shareErrors.ts'

/** Outside a session: a customer starts one for the current plan; customers and advisors join one by code. */
export function ShareStart({ canStart }: { canStart: boolean }) {
  const { t } = useTranslation()
  const [code, setCode] = useState('')
  const [error, setError] = useState<Message>()
  const [busy, setBusy] = useState(false)
  const run = async (work: () => Promise<void>) => {
    setBusy(true)
    setError(undefined)
    try {
      await work()
    } catch (e) {
      setError(shareMessage(e))
    } finally {
      setBusy(false)
    }
  }
  const onStart = () =>
    run(async () => {
      const view = await openSharedSession(t('sandboxShare.defaultName'), useSandbox.getState().data)
      await joinShared(view.sessionId, view.inviteCode)
    })
  const onJoin = (e: FormEvent) => {
    e.preventDefault()
    void run(async () => {
      const view = await joinByCode(code.trim())
      setCode('')
      await joinShared(view.sessionId)
    })
  }
  return (
    <div className="sandbox-share-start">
      {canStart && (
        <button id="sandbox-share-start" type="button" disabled={busy} onClick={() => void onStart()}>
          {t('sandboxShare.start')}
        </button>
      )}
      <form className="sandbox-join" onSubmit={onJoin}>
        <label htmlFor="sandbox-join-code">{t('sandboxShare.joinLabel')}</label>
        <input
          id="sandbox-join-code"
          value={code}
          maxLength={12}
          autoComplete="off"
          required
          onChange={(e) => setCode(e.target.value)}
        />
        <button id="sandbox-join-submit" type="submit" disabled={busy || !code.trim()}>
          {t('sandboxShare.join')}
        </button>
      </form>
      <ErrorText message={error} />
    </div>
  )
}
