import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import { runProjection } from './hallActions.ts'
import { projectionText } from './projectionText.ts'

/** Runs the projection in the worker (as R and the board's button do) and reads out its state and key figures. */
export function HallProjection() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const run = useSandbox((s) => s.run)
  const text = projectionText(run, t, lang)
  return (
    <div className="hall-projection">
      <button id="hall-run" type="button" className="primary" onClick={runProjection}>
        {t('sandboxHall.run')}
      </button>
      {text.progress !== undefined && (
        <progress id="hall-progress" max={1} value={text.progress} aria-label={text.status} />
      )}
      <p id="hall-projection-status" aria-live="polite">
        {text.status}
      </p>
      {text.detail.map((line) => (
        <p key={line} className="hall-detail">
          {line}
        </p>
      ))}
    </div>
  )
}
