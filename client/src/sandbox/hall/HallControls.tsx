import { useTranslation } from 'react-i18next'

import { Disclaimer } from '../panel/Disclaimer.tsx'
import './sandboxHall.css'
import { HallColumnControl } from './HallColumnControl.tsx'
import { HallProjection } from './HallProjection.tsx'
import { HallRisk } from './HallRisk.tsx'
import { HallStress } from './HallStress.tsx'

/**
 * Keyboard and screen-reader equivalents of everything at the table, and its numbers in readable text: column
 * choice and size, plan risk and suitability, the projection with progress, stress replays with their caption,
 * the disclaimer and the key help. Collapsible so it does not cover the view.
 */
export function HallControls() {
  const { t } = useTranslation()
  return (
    <details id="sandbox-hall" className="sandbox-hall panel" open>
      <summary>
        <h2 id="sandbox-hall-heading">{t('sandboxHall.title')}</h2>
      </summary>
      <section aria-labelledby="sandbox-hall-heading">
        <HallColumnControl />
        <HallRisk />
        <HallProjection />
        <HallStress />
        <Disclaimer compact />
        <p id="hall-help" className="muted">
          {t('sandboxHall.help')}
        </p>
      </section>
    </details>
  )
}
