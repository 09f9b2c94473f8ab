import { useCallback, useState } from 'react'

import { errorMessage, type Message } from '../auth/errorMessage.ts'

/**
 * Busy flag and error message around one-off advisor actions (accept, book, rate…).
 * @example const { busy, error, run } = useAsync(); run(() => advisorApi.leaveQueue())
 */
export function useAsync() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<Message>()
  const run = useCallback(async <T>(action: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true)
    setError(undefined)
    try {
      return await action()
    } catch (e) {
      setError(errorMessage(e))
      return undefined
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, error, run }
}
