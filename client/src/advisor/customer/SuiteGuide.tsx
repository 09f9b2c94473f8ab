import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { freshAccessToken } from '../../auth/apiFetch.ts'
import { useConnection } from '../../net/useConnection.ts'
import { openSandbox } from '../../sandbox/panel/sandboxStore.ts'
import { joinShared } from '../../sandbox/shared/ShareConnection.ts'
import { enterSuite, leaveSuite } from '../suite/suiteConnection.ts'
import { useSuite } from '../suite/suiteStore.ts'
import { useAsync } from '../useAsync.ts'

/**
 * Guides a party into the suite: travels to the suites zone, joins the private suite room and moves voice and video
 * to the suite's media room; shows who is there while inside, and opens the shared plan on the table in the planner
 * (the 2D way to what the table holds).
 */
export function SuiteGuide({ reference }: { reference: string }) {
  const { t } = useTranslation()
  const connection = useConnection()
  const suite = useSuite((s) => s.suite)
  const ended = useSuite((s) => s.ended)
  const { busy, error, run } = useAsync()
  const [entered, setEntered] = useState(false)
  const inside = suite?.reference === reference

  const enter = () =>
    void run(async () => {
      connection.travel('suites')
      await enterSuite(reference, await freshAccessToken())
      setEntered(true)
    })

  if (ended && entered) return <p role="status">{t('advisor.suite.ended')}</p>
  return (
    <div className="advisor-form" id="advisor-suite">
      {!inside ? (
        <button type="button" className="suite-enter" disabled={busy} onClick={enter}>
          {t('advisor.suite.enter')}
        </button>
      ) : (
        <>
          <p role="status" id="advisor-suite-status">
            {t('advisor.suite.inside')}
          </p>
          <ul className="advisor-list" aria-label={t('advisor.suite.participants')}>
            {suite.participants.map((p) => (
              <li key={p.id}>
                {p.name} · {t(`advisor.roles.${p.role}`)} {p.present ? '●' : '○'}
              </li>
            ))}
          </ul>
          {suite.sandboxSessionId && (
            <button
              type="button"
              className="suite-open-plan"
              onClick={() => {
                openSandbox()
                void joinShared(suite.sandboxSessionId)
              }}
            >
              {t('advisor.suite.openPlan')}
            </button>
          )}
          <button type="button" onClick={() => void leaveSuite()}>
            {t('advisor.suite.leave')}
          </button>
        </>
      )}
      <ErrorText message={error} />
    </div>
  )
}
