import type { HandoffPacket } from '@atrium/common'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

import { ErrorText } from '../../account/ErrorText.tsx'
import { useApiResource } from '../../account/useApiResource.ts'
import { HandoffCard } from './HandoffCard.tsx'

/** The list refreshes itself this often while shown, so a waiting advisor sees new requests. */
const REFRESH_MS = 30_000

/** Staff: open hand-off requests from the digital host, each with the conversation and what was shared. */
export function HandoffRequests() {
  const { t } = useTranslation()
  const { data, error, loading, setData, reload } = useApiResource<{ handoffs: HandoffPacket[] }>('/api/staff/handoffs')
  const [taken, setTaken] = useState<string>()
  const handoffs = data?.handoffs ?? []

  useEffect(() => {
    const id = setInterval(reload, REFRESH_MS)
    return () => clearInterval(id)
  }, [reload])

  const onTaken = (packet: HandoffPacket) => {
    setData((d) => d && { handoffs: d.handoffs.map((h) => (h.reference === packet.reference ? packet : h)) })
    setTaken(packet.reference)
  }

  return (
    <div className="handoffs">
      <div className="row">
        <h4>{t('hostStaff.handoffs')}</h4>
        <button type="button" id="handoffs-refresh" onClick={reload} disabled={loading}>
          {t('hostStaff.refresh')}
        </button>
      </div>
      <ErrorText message={error} />
      <p role="status" className="ok-text small">
        {taken ? t('hostStaff.takenNotice', { reference: taken }) : ''}
      </p>
      <ul className="handoff-list" aria-busy={loading}>
        {handoffs.map((p) => (
          <HandoffCard key={p.reference} packet={p} onTaken={onTaken} />
        ))}
      </ul>
      {data && handoffs.length === 0 && <p className="muted">{t('hostStaff.noHandoffs')}</p>}
    </div>
  )
}
