import { DEFAULT_STRESS_SCENARIOS } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { formatMoney, formatPercent } from '../panel/format.ts'
import { startReplay } from './hallActions.ts'
import { useHall } from './hallStore.ts'

/** Chooses and replays a historical stress scenario, with the loss and the time to recover as a caption. */
export function HallStress() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const scenario = useHall((s) => s.scenario)
  const replay = useHall((s) => s.replay)
  const r = replay?.result
  return (
    <div className="hall-stress">
      <label htmlFor="hall-scenario">{t('sandboxHall.stress.label')}</label>
      <div className="hall-stress-row">
        <select
          id="hall-scenario"
          value={scenario}
          onChange={(e) => useHall.getState().set({ scenario: Number(e.target.value) })}
        >
          {DEFAULT_STRESS_SCENARIOS.map((s, i) => (
            <option key={s.id} value={i}>
              {s.name[lang]}
            </option>
          ))}
        </select>
        <button id="hall-replay" type="button" onClick={() => startReplay(scenario)}>
          {t('sandboxHall.stress.play')}
        </button>
      </div>
      <p id="hall-stress-caption" aria-live="polite" data-playing={replay?.playing ? 'yes' : 'no'}>
        {r && r.loss <= 0 && t('sandboxHall.stress.none')}
        {r &&
          r.loss > 0 &&
          `${t('sandboxHall.stress.caption', {
            name: r.name[lang],
            loss: formatMoney(r.loss, lang),
            fraction: formatPercent(r.lossFraction, lang),
            before: formatMoney(r.wealthBefore, lang),
          })} ${
            r.recoveryMonths === null
              ? t('sandboxHall.stress.never')
              : t('sandboxHall.stress.recovery', { months: r.recoveryMonths })
          }`}
      </p>
    </div>
  )
}
