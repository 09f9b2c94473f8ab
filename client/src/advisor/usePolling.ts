import { useCallback, useEffect, useRef, useState } from 'react'

/**
 * Calls `load` now and every `ms` while mounted and `active`; keeps the latest result. Polling (rather than a room)
 * suits the queue: positions change only when someone is served, and it works the same in every process.
 * @example const { data, refresh } = usePolling(advisorApi.queueStatus, 3000)
 */
export function usePolling<T>(load: () => Promise<T>, ms: number, active = true) {
  const [data, setData] = useState<T>()
  const [tick, setTick] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load
  useEffect(() => {
    if (!active) return
    let live = true
    const run = () =>
      loadRef.current().then(
        (d) => live && setData(d),
        () => undefined,
      )
    void run()
    const timer = setInterval(() => void run(), ms)
    return () => {
      live = false
      clearInterval(timer)
    }
  }, [ms, active, tick])
  const refresh = useCallback(() => setTick((t) => t + 1), [])
  return { data, refresh }
}
