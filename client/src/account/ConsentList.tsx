import { CONSENT_PURPOSES, CONSENT_TEXTS, type ConsentPurpose, type ConsentState, type Lang } from '@atrium/common'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'

import { apiFetch } from '../auth/apiFetch.ts'
import { errorMessage, type Message } from '../auth/errorMessage.ts'
import { consentRequest, consentStatus } from './consentStatus.ts'
import { ErrorText } from './ErrorText.tsx'
import { useApiResource } from './useApiResource.ts'

/** Each purpose with its official text (from common, never re-typed), its state and a grant/withdraw button. */
export function ConsentList() {
  const { t, i18n } = useTranslation()
  const lang: Lang = i18n.language === 'zh-CN' ? 'zh-CN' : 'en'
  const { data, error, setData } = useApiResource<ConsentState[]>('/api/me/consents')
  const [busy, setBusy] = useState<ConsentPurpose>()
  const [actionError, setActionError] = useState<Message>()

  const toggle = async (purpose: ConsentPurpose, granted: boolean) => {
    setBusy(purpose)
    setActionError(undefined)
    try {
      setData(
        await apiFetch<ConsentState[]>('/api/me/consents', { method: 'PUT', body: consentRequest(purpose, granted) }),
      )
    } catch (e) {
      setActionError(errorMessage(e))
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <section className="account-section" aria-labelledby="consents-heading">
      <h3 id="consents-heading">{t('account.consents.title')}</h3>
      <p className="muted">{t('account.consents.intro')}</p>
      <ErrorText message={error ?? actionError} />
      {!data && !error && <p className="muted">{t('account.loading')}</p>}
      {data &&
        CONSENT_PURPOSES.map((purpose) => {
          const status = consentStatus(data.find((s) => s.purpose === purpose))
          const granted = status === 'granted'
          const head = `consent-${purpose}-title`
          return (
            <article
              key={purpose}
              className="consent"
              data-purpose={purpose}
              data-status={status}
              aria-labelledby={head}
            >
              <h4 id={head}>{t(`account.consents.purposes.${purpose}`)}</h4>
              <p lang={lang} id={`consent-${purpose}-text`}>
                {CONSENT_TEXTS[purpose][lang]}
              </p>
              {status === 'outdated' && <p className="warn-text">{t('account.consents.outdated')}</p>}
              <div className="row">
                <span className={`consent-state ${granted ? 'on' : ''}`}>
                  {granted ? t('account.consents.granted') : t('account.consents.notGranted')}
                </span>
                <span className="muted small">
                  {t('account.consents.version', { version: CONSENT_TEXTS[purpose].version })}
                </span>
                <button
                  type="button"
                  id={`consent-${purpose}`}
                  aria-describedby={`consent-${purpose}-text`}
                  disabled={busy !== undefined}
                  onClick={() => void toggle(purpose, !granted)}
                >
                  {granted ? t('account.consents.withdraw') : t('account.consents.grant')}
                </button>
              </div>
            </article>
          )
        })}
    </section>
  )
}
