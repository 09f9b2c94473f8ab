import { useTranslation } from 'react-i18next'

import { toLang } from '../../hostChat/uiLang.ts'
import { useShare } from '../shared/shareStore.ts'
import { formatPercent } from './format.ts'
import { PATH_CHOICES, useSandbox } from './sandboxStore.ts'
import { useSimulation } from './useSimulation.ts'

/** Path count, Run and Cancel, and the progress of a running projection. */
export function RunControls() {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const paths = useSandbox((s) => s.paths)
  const run = useSandbox((s) => s.run)
  const { run: start, cancel } = useSimulation()
  const running = run.status === 'running'
  // in a shared session everyone simulates the same paths, so the figures match on every screen
  const shared = useShare((s) => s.status === 'joined')
  return (
    <div className="sandbox-run">
      <label htmlFor="sandbox-paths">{t('sandbox.run.paths')}</label>
      <select
        id="sandbox-paths"
        value={paths}
        disabled={running || shared}
        onChange={(e) => useSandbox.getState().set({ paths: Number(e.target.value) })}
      >
        {PATH_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n.toLocaleString(lang)}
          </option>
        ))}
      </select>
      {running ? (
        <button id="sandbox-cancel" type="button" onClick={cancel}>
          {t('sandbox.run.cancel')}
        </button>
      ) : (
        <button id="sandbox-run" type="button" onClick={() => void start()}>
          {t('sandbox.run.start')}
        </button>
      )}
      {running && (
        <div className="sandbox-progress">
          <progress
            id="sandbox-progress"
            max={run.total}
            value={run.done}
            aria-label={t('sandbox.run.progressLabel')}
          />
          <span aria-live="polite">
            {t('sandbox.run.progress', { percent: formatPercent(run.total ? run.done / run.total : 0, lang, 0) })}
          </span>
        </div>
      )}
      {run.status === 'cancelled' && <p role="status">{t('sandbox.run.cancelled')}</p>}
      {run.status === 'failed' && (
        <p className="error" role="alert">
          {t('sandbox.run.failed')}
        </p>
      )}
    </div>
  )
}
