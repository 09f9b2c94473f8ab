import { DEFAULT_ASSUMPTIONS, needsConfirmation } from '@atrium/common'
import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { planSuitability } from '../panel/planData.ts'
import { isCleared, useConfirmations } from '../panel/suitabilityStore.ts'
import { SuitabilityConfirm } from '../panel/SuitabilityConfirm.tsx'
import { useRiskAssessment } from '../panel/useRiskAssessment.ts'
import { sendDecision } from './ShareConnection.ts'
import type { SharedProposal } from './shareStore.ts'

/** One pending proposal: who proposed what; the owner accepts (after confirming any warning) or rejects it. */
export function ProposalItem({ proposal, owner }: { proposal: SharedProposal; owner: boolean }) {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const assessment = useRiskAssessment()
  const keys = useConfirmations((s) => s.keys)
  const check = planSuitability(proposal.data.allocation, assessment)
  const summary = DEFAULT_ASSUMPTIONS.assetClasses
    .filter((a) => (proposal.data.allocation[a.id] ?? 0) > 0)
    .map((a) => `${a.name[lang]} ${proposal.data.allocation[a.id]}%`)
    .join(', ')
  return (
    <li data-proposal={proposal.id}>
      <p>
        {t('sandboxShare.proposal.by', { name: proposal.authorName, risk: proposal.risk })}
        {proposal.note && <q> {proposal.note}</q>}
      </p>
      <p className="muted">{summary}</p>
      {owner && check && needsConfirmation(check) && check.warning && (
        <>
          <p className="sandbox-warning">{check.warning[lang]}</p>
          <SuitabilityConfirm check={check} data={proposal.data} idPrefix={`confirm-${proposal.id}`} />
        </>
      )}
      {owner && (
        <div className="sandbox-proposal-actions">
          <button
            type="button"
            className="accept"
            disabled={!isCleared(check, keys)}
            onClick={() => sendDecision(proposal.id, true)}
          >
            {t('sandboxShare.proposal.accept')}
          </button>
          <button type="button" className="reject" onClick={() => sendDecision(proposal.id, false)}>
            {t('sandboxShare.proposal.reject')}
          </button>
        </div>
      )}
    </li>
  )
}
