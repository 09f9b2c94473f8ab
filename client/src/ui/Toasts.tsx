import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { useAppStore } from '../state/useAppStore.ts'

/** Short notices: the instance spill-over message and localized room errors. */
export function Toasts() {
  const { t } = useTranslation()
  const spilled = useAppStore((s) => s.spilled)
  const instance = useAppStore((s) => s.instance)
  const lastError = useAppStore((s) => s.lastError)
  const [errorShown, setErrorShown] = useState<string>()

  useEffect(() => {
    if (!lastError) return
    setErrorShown(t(`errors.${lastError.code}`))
    const id = setTimeout(() => setErrorShown(undefined), 3000)
    return () => clearTimeout(id)
  }, [lastError, t])

  return (
    <div className="toasts" role="status" aria-live="polite">
      {spilled && <p data-testid="spilled">{t('instance.spilled', { n: instance })}</p>}
      {errorShown && <p className="warn">{errorShown}</p>}
    </div>
  )
}
