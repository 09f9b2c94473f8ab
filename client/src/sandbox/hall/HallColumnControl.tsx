import { DEFAULT_ASSUMPTIONS } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { allocationTotal } from '../panel/allocation.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import { CLASS_IDS, selectColumn, setSelectedWeight } from './hallActions.ts'
import { useHall } from './hallStore.ts'

/** Chooses a column and sets its share with native, keyboard-accessible controls (arrows, Page Up/Down). */
export function HallColumnControl() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const selected = useHall((s) => s.selected)
  const weight = useSandbox((s) => s.data.allocation[CLASS_IDS[selected] ?? ''] ?? 0)
  const total = useSandbox((s) => allocationTotal(s.data.allocation))
  const name = DEFAULT_ASSUMPTIONS.assetClasses[selected]?.name[lang] ?? ''
  return (
    <div className="hall-column">
      <label htmlFor="hall-column">{t('sandboxHall.column')}</label>
      <select id="hall-column" value={selected} onChange={(e) => selectColumn(Number(e.target.value))}>
        {DEFAULT_ASSUMPTIONS.assetClasses.map((a, i) => (
          <option key={a.id} value={i}>
            {a.name[lang]}
          </option>
        ))}
      </select>
      <label htmlFor="hall-weight">{t('sandboxHall.weight', { name })}</label>
      <div className="hall-weight">
        <input
          id="hall-weight"
          type="range"
          min={0}
          max={100}
          step={1}
          value={weight}
          aria-valuetext={t('sandboxHall.weightValue', { name, weight })}
          onChange={(e) => setSelectedWeight(Number(e.target.value))}
        />
        <output htmlFor="hall-weight">{weight}%</output>
      </div>
      <p id="hall-total" aria-live="polite">
        {t('sandboxHall.total', { total })}
      </p>
    </div>
  )
}
