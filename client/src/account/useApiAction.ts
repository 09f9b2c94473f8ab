import { useCallback, useState } from 'react'

import { ApiRequestError, type ApiIssue } from '../auth/ApiRequestError.ts'
import { errorMessage, fieldErrors, type FieldName, type Message } from '../auth/errorMessage.ts'

/**
 * Busy flag, error message and per-field errors around one API action of a form.
 * @example const { busy, error, fields, run } = useApiAction(); run(() => signIn(body))
 */
export function useApiAction() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Message>()
  const [fields, setFields] = useState<Partial<Record<FieldName, string>>>({})

  const run = useCallback(async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true)
    setError(undefined)
    setFields({})
    try {
      await action()
      return true
    } catch (e) {
      setError(errorMessage(e))
      if (e instanceof ApiRequestError) setFields(fieldErrors(e.issues))
      return false
    } finally {
      setBusy(false)
    }
  }, [])

  /** Shows client-side validation issues the way the server's invalid_body would be shown. */
  const invalid = useCallback((issues: readonly ApiIssue[]) => {
    setFields(fieldErrors(issues))
    setError({ key: 'apiErrors.invalid_body' })
  }, [])

  return { busy, error, fields, run, invalid, setError }
}
