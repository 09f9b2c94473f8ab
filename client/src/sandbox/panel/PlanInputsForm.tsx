import { useTranslation } from 'react-i18next'

import { NumberField } from './NumberField.tsx'
import type { PlanInputs } from './planData.ts'
import { useSandbox } from './sandboxStore.ts'

/** Initial amount, monthly contribution, horizon and one goal; the plan's seed is shown for reproducibility. */
export function PlanInputsForm() {
  const { t } = useTranslation()
  const inputs = useSandbox((s) => s.data.inputs)
  const seed = useSandbox((s) => s.data.seed)
  const change = (patch: Partial<PlanInputs>) => {
    const { data, set } = useSandbox.getState()
    const next = { ...data.inputs, ...patch }
    set({ data: { ...data, inputs: { ...next, goalYear: Math.min(next.goalYear, next.years) } } })
  }
  return (
    <fieldset className="sandbox-inputs">
      <legend>{t('sandbox.inputs.legend')}</legend>
      <NumberField
        id="plan-initial"
        label={t('sandbox.inputs.initial')}
        value={inputs.initial}
        min={0}
        max={1e11}
        step={1000}
        onChange={(initial) => change({ initial })}
      />
      <NumberField
        id="plan-monthly"
        label={t('sandbox.inputs.monthly')}
        value={inputs.monthly}
        min={0}
        max={1e9}
        step={100}
        onChange={(monthly) => change({ monthly })}
      />
      <NumberField
        id="plan-years"
        label={t('sandbox.inputs.years')}
        value={inputs.years}
        min={1}
        max={50}
        onChange={(years) => change({ years })}
      />
      <NumberField
        id="plan-goal-amount"
        label={t('sandbox.inputs.goalAmount')}
        value={inputs.goalAmount}
        min={0}
        max={1e12}
        step={1000}
        onChange={(goalAmount) => change({ goalAmount })}
      />
      <NumberField
        id="plan-goal-year"
        label={t('sandbox.inputs.goalYear')}
        value={inputs.goalYear}
        min={1}
        max={inputs.years}
        onChange={(goalYear) => change({ goalYear })}
      />
      <p className="muted">{t('sandbox.inputs.seed', { seed })}</p>
    </fieldset>
  )
}
