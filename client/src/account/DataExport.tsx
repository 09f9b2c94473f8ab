import type { DataExport as DataExportBody } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiFetch } from '../auth/apiFetch.ts'
import { ErrorText } from './ErrorText.tsx'
import { downloadJson } from './downloadJson.ts'
import { useApiAction } from './useApiAction.ts'

const FILE = 'atrium-my-data.json'

/** Downloads everything the branch keeps about the customer (GET /api/me/export). */
export function DataExport() {
  const { t } = useTranslation()
  const { busy, error, run } = useApiAction()
  const [done, setDone] = useState(false)

  const exportData = () =>
    void run(async () => {
      setDone(false)
      downloadJson(await apiFetch<DataExportBody>('/api/me/export'), FILE)
      setDone(true)
    })

  return (
    <section className="account-section" aria-labelledby="data-heading">
      <h3 id="data-heading">{t('account.data.title')}</h3>
      <p className="muted">{t('account.data.intro')}</p>
      <ErrorText message={error} />
      <div className="row">
        <button id="export-data" type="button" disabled={busy} onClick={exportData}>
          {busy ? t('account.data.exporting') : t('account.data.export')}
        </button>
        <span role="status" className="muted small">
          {done ? t('account.data.exported', { file: FILE }) : ''}
        </span>
      </div>
    </section>
  )
}
