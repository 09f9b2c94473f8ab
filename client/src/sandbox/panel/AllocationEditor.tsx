import { DEFAULT_ASSUMPTIONS } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { allocationTotal, PRESET_NAMES, presetAllocation, rebalance } from './allocation.ts'
import { AllocationRow } from './AllocationRow.tsx'
import { useSandbox } from './sandboxStore.ts'

/** One slider and number field per asset class; the total always stays at 100%. */
export function AllocationEditor() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const allocation = useSandbox((s) => s.data.allocation)
  const change = (id: string, value: number) => {
    const { data, set } = useSandbox.getState()
    set({ data: { ...data, allocation: rebalance(data.allocation, id, value) } })
  }
  const preset = (name: (typeof PRESET_NAMES)[number]) => {
    const { data, set } = useSandbox.getState()
    set({ data: { ...data, allocation: presetAllocation(name) } })
  }
  return (
    <fieldset className="sandbox-allocation">
      <legend>{t('sandbox.allocation.legend')}</legend>
      <div className="sandbox-presets" role="group" aria-label={t('sandbox.allocation.presets')}>
        {PRESET_NAMES.map((name) => (
          <button key={name} type="button" data-preset={name} onClick={() => preset(name)}>
            {t(`sandbox.allocation.preset.${name}`)}
          </button>
        ))}
      </div>
      {DEFAULT_ASSUMPTIONS.assetClasses.map((a) => (
        <AllocationRow
          key={a.id}
          id={a.id}
          name={a.name[lang]}
          value={allocation[a.id] ?? 0}
          onChange={(v) => change(a.id, v)}
        />
      ))}
      <p id="sandbox-total" className="sandbox-total" aria-live="polite">
        {t('sandbox.allocation.total', { total: allocationTotal(allocation) })}
      </p>
    </fieldset>
  )
}
