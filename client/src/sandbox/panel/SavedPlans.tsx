import type { PlanView } from '@atrium/common'
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { errorMessage, type Message } from '../../auth/errorMessage.ts'
import { useSession } from '../../auth/useSession.ts'
import { parsePlanData, planSuitability } from './planData.ts'
import { PlanCompare } from './PlanCompare.tsx'
import { deletePlan, listPlans, savePlan } from './plansApi.ts'
import { PlanReportButton } from './PlanReportButton.tsx'
import { setPlanData, useSandbox } from './sandboxStore.ts'
import { isCleared, useConfirmations } from './suitabilityStore.ts'
import { useRiskAssessment } from './useRiskAssessment.ts'

/** The signed-in customer's saved plans: save, load, delete, and compare two; guests are asked to sign in. */
export function SavedPlans() {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const [plans, setPlans] = useState<PlanView[]>([])
  const [name, setName] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [error, setError] = useState<Message>()
  const [saved, setSaved] = useState(false)
  const customer = role === 'customer'
  const allocation = useSandbox((s) => s.data.allocation)
  const assessment = useRiskAssessment()
  const keys = useConfirmations((s) => s.keys)
  // a warning must be confirmed (and recorded) before the plan is kept
  const cleared = isCleared(planSuitability(allocation, assessment), keys)

  const reload = useCallback(() => {
    listPlans().then(setPlans, (e: unknown) => setError(errorMessage(e)))
  }, [])
  useEffect(() => {
    if (customer) reload()
  }, [customer, reload])

  if (!customer) {
    return (
      <section className="sandbox-saved" aria-labelledby="sandbox-saved-heading">
        <h3 id="sandbox-saved-heading">{t('sandbox.saved.title')}</h3>
        <p id="sandbox-signin" className="muted">
          {t(role ? 'sandbox.saved.customersOnly' : 'sandbox.saved.signIn')}
        </p>
      </section>
    )
  }

  const onSave = async (e: FormEvent) => {
    e.preventDefault()
    setError(undefined)
    setSaved(false)
    try {
      await savePlan(name.trim(), useSandbox.getState().data)
      setName('')
      setSaved(true)
      reload()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  const onLoad = (plan: PlanView) => {
    const data = parsePlanData(plan.data)
    if (data) setPlanData(data)
    else setError({ key: 'sandbox.saved.invalid' })
  }
  const onDelete = async (plan: PlanView) => {
    setError(undefined)
    try {
      await deletePlan(plan.id)
      setChosen((c) => c.filter((id) => id !== plan.id))
      reload()
    } catch (err) {
      setError(errorMessage(err))
    }
  }
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(-2)))
  const compared = chosen.map((id) => plans.find((p) => p.id === id)).filter((p) => p !== undefined)

  return (
    <section className="sandbox-saved" aria-labelledby="sandbox-saved-heading">
      <h3 id="sandbox-saved-heading">{t('sandbox.saved.title')}</h3>
      <form className="sandbox-save" onSubmit={(e) => void onSave(e)}>
        <label htmlFor="sandbox-plan-name">{t('sandbox.saved.name')}</label>
        <input id="sandbox-plan-name" value={name} maxLength={80} required onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim() || !cleared}>
          {t('sandbox.saved.save')}
        </button>
        <span role="status">{saved ? t('sandbox.saved.saved') : ''}</span>
      </form>
      {!cleared && (
        <p id="sandbox-save-blocked" className="muted">
          {t('sandboxShare.confirm.beforeSave')}
        </p>
      )}
      <ErrorText message={error} />
      {plans.length === 0 ? (
        <p className="muted">{t('sandbox.saved.empty')}</p>
      ) : (
        <ul className="sandbox-plan-list">
          {plans.map((p) => (
            <li key={p.id}>
              <label>
                <input type="checkbox" checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} />
                <span>{p.name}</span>
                <span className="sr-only">{t('sandbox.saved.compare')}</span>
              </label>
              <button
                type="button"
                onClick={() => onLoad(p)}
                aria-label={t('sandbox.saved.loadNamed', { name: p.name })}
              >
                {t('sandbox.saved.load')}
              </button>
              <button
                type="button"
                onClick={() => void onDelete(p)}
                aria-label={t('sandbox.saved.deleteNamed', { name: p.name })}
              >
                {t('sandbox.saved.delete')}
              </button>
              <PlanReportButton plan={p} />
            </li>
          ))}
        </ul>
      )}
      {compared.length === 2 ? (
        <PlanCompare plans={[compared[0]!, compared[1]!]} />
      ) : (
        plans.length > 1 && <p className="muted">{t('sandbox.saved.compareHint')}</p>
      )}
    </section>
  )
}
