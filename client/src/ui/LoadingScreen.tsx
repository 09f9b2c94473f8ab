import { useTranslation } from 'react-i18next'

/** Full-screen progress while the scene code, fonts and the room are loading. */
export function LoadingScreen({ progress, stage }: { progress: number; stage: 'assets' | 'connecting' }) {
  const { t } = useTranslation()
  const percent = Math.round(progress * 100)
  return (
    <div className="loading" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <p>{stage === 'assets' ? t('loading.assets', { percent }) : t('loading.connecting')}</p>
      <div className="bar">
        <div style={{ width: `${percent}%` }} />
      </div>
    </div>
  )
}
