import { useTranslation } from 'react-i18next'

import { useAppStore } from '../state/useAppStore.ts'

/** Connection state, including the reconnection countdown, announced to screen readers. */
export function ConnectionStatus({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation()
  const status = useAppStore((s) => s.status)
  const left = useAppStore((s) => s.reconnectLeft)
  const text =
    status === 'reconnecting'
      ? t('status.reconnecting', { seconds: left })
      : status === 'kicked' || status === 'ended'
        ? t(`status.${status}`)
        : t(`status.${status === 'idle' ? 'connecting' : status}`)
  return (
    <div className={`status status-${status}`} role="status" aria-live="polite" data-status={status}>
      <span className="dot" aria-hidden />
      {text}
      {(status === 'disconnected' || status === 'kicked' || status === 'ended') && (
        <button type="button" onClick={onRetry}>
          {t('status.retry')}
        </button>
      )}
    </div>
  )
}
