import { useTranslation } from 'react-i18next'

import { useSandbox } from '../panel/sandboxStore.ts'
import { isSharedPlan, sendProposal } from './ShareConnection.ts'
import { ProposalItem } from './ProposalItem.tsx'
import { useShare } from './shareStore.ts'

/** Pending proposals; members other than the owner propose the plan they have shaped in the panel. */
export function ProposalList() {
  const { t } = useTranslation()
  const proposals = useShare((s) => s.proposals)
  const owner = useShare((s) => s.role === 'owner')
  const data = useSandbox((s) => s.data)
  return (
    <div className="sandbox-proposals">
      <h4>{t('sandboxShare.proposal.title')}</h4>
      {proposals.length === 0 ? (
        <p className="muted">{t('sandboxShare.proposal.none')}</p>
      ) : (
        <ul id="sandbox-proposals">
          {proposals.map((p) => (
            <ProposalItem key={p.id} proposal={p} owner={owner} />
          ))}
        </ul>
      )}
      {!owner && (
        <>
          <p className="muted">{t('sandboxShare.proposal.hint')}</p>
          <button id="sandbox-propose" type="button" disabled={isSharedPlan(data)} onClick={() => sendProposal(data)}>
            {t('sandboxShare.proposal.propose')}
          </button>
        </>
      )}
    </div>
  )
}
