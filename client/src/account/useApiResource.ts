import { useCallback, useEffect, useState } from 'react'

import { apiFetch } from '../auth/apiFetch.ts'
import { errorMessage, type Message } from '../auth/errorMessage.ts'

/**
 * Loads `path` as the signed-in account, again whenever `path` changes or `reload()` is called.
 * @example const { data, error, setData } = useApiResource<ConsentState[]>('/api/me/consents')
 */
export function useApiResource<T>(path: string) {
  const [data, setData] = useState<T>()
  const [error, setError] = useState<Message>()
  const [loading, setLoading] = useState(true)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    setLoading(true)
    setError(undefined)
    apiFetch<T>(path).then(
      (d) => {
        if (!live) return
        setData(d)
        setLoading(false)
      },
      (e: unknown) => {
        if (!live) return
        setError(errorMessage(e))
        setLoading(false)
      },
    )
    return () => {
      live = false
    }
  }, [path, version])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, loading, setData, reload }
}
