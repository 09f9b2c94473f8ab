import { useTranslation } from 'react-i18next'

import { useAppStore } from '../state/useAppStore.ts'

/** Which atrium instance this is and how full it is. */
export function InstanceBadge() {
  const { t } = useTranslation()
  const instance = useAppStore((s) => s.instance)
  const max = useAppStore((s) => s.maxClients)
  const count = useAppStore((s) => Object.keys(s.people).length)
  if (!instance) return null
  return (
    <div className="badge" data-testid="instance" data-instance={instance}>
      <strong>{t('instance.label', { n: instance })}</strong>
      <span className="muted">{t('instance.capacity', { count, max })}</span>
    </div>
  )
}
