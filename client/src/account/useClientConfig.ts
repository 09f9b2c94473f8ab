import type { ClientConfig } from '@atrium/common'
import { useEffect, useState } from 'react'

import { sendRequest } from '../auth/http.ts'

let cached: Promise<ClientConfig | undefined> | undefined

/** GET /api/config, fetched once per page; undefined until it arrives or when it fails. */
export function useClientConfig(): ClientConfig | undefined {
  const [config, setConfig] = useState<ClientConfig>()
  useEffect(() => {
    let live = true
    cached ??= sendRequest('/api/config').then(
      (c) => c as ClientConfig,
      () => undefined,
    )
    void cached.then((c) => live && setConfig(c))
    return () => {
      live = false
    }
  }, [])
  return config
}
