import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { AllocationEditor } from './AllocationEditor.tsx'
import { Disclaimer } from './Disclaimer.tsx'
import { PlanInputsForm } from './PlanInputsForm.tsx'
import { ResultsView } from './ResultsView.tsx'
import { RiskSummary } from './RiskSummary.tsx'
import { RunControls } from './RunControls.tsx'
import { SharePanel } from '../shared/SharePanel.tsx'
import { SavedPlans } from './SavedPlans.tsx'
import { closeSandbox } from './sandboxStore.ts'

/**
 * The wealth planner, a non-modal panel over the branch: the heading takes focus on opening and focus goes back
 * on closing.
 */
export function SandboxPanel() {
  const { t } = useTranslation()
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    const before = document.activeElement
    heading.current?.focus()
    return () => {
      if (before instanceof HTMLElement && before.isConnected && before !== document.body) before.focus()
      else if (document.activeElement instanceof HTMLElement) document.activeElement.blur()
    }
  }, [])
  return (
    <section id="sandbox-panel" className="panel sandbox-panel" aria-labelledby="sandbox-heading">
      <header className="sandbox-head">
        <h2 id="sandbox-heading" tabIndex={-1} ref={heading}>
          {t('sandbox.title')}
        </h2>
        <button type="button" className="icon close" aria-label={t('sandbox.close')} onClick={closeSandbox}>
          ×
        </button>
      </header>
      <div className="sandbox-body">
        <AllocationEditor />
        <PlanInputsForm />
        <RiskSummary />
        <RunControls />
        <ResultsView />
        <Disclaimer />
        <SavedPlans />
        <SharePanel />
      </div>
    </section>
  )
}
