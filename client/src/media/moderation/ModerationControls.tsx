import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from 'zustand'

import { apiFetch } from '../../auth/apiFetch.ts'
import { useSession } from '../../auth/useSession.ts'
import { mayModerate } from '../mediaRooms.ts'
import { mediaStore } from '../mediaStore.ts'
import { moderationActions, type ModerationAction } from './moderationActions.ts'

/**
 * Staff moderation of one person in the people list: mute each of their live tracks, remove them from the media room,
 * and in the auditorium promote or demote them. Shown only to roles the server's policy lets moderate this room, and
 * only for people in it; the server checks every request again. Plain buttons, so the keyboard reaches them all.
 */
export function ModerationControls({ id, name }: { id: string; name: string }) {
  const { t } = useTranslation()
  const role = useSession((s) => s.user?.role)
  const ref = useStore(mediaStore, (s) => (s.state === 'connected' ? s.roomRef : undefined))
  const participant = useStore(mediaStore, (s) => s.participants[id])
  const [busy, setBusy] = useState(false)
  const [status, setStatus] = useState<'done' | 'failed' | undefined>()
  if (!ref || !participant || !mayModerate(role, ref)) return null

  const run = async (a: ModerationAction) => {
    setBusy(true)
    setStatus(undefined)
    try {
      await apiFetch(a.path, { method: 'POST', body: a.body })
      setStatus('done')
    } catch (e) {
      console.warn('moderation failed:', e)
      setStatus('failed')
    } finally {
      setBusy(false)
    }
  }

  return (
    <span className="moderation" role="group" aria-label={t('video.moderate', { name })} data-moderate={id}>
      {moderationActions(ref, participant).map((a) => (
        <button
          key={a.id + String(a.body.trackSid ?? '')}
          type="button"
          className="small"
          data-action={a.id}
          aria-label={t(a.label, { name })}
          title={t(a.label, { name })}
          disabled={busy}
          onClick={() => void run(a)}
        >
          {t(a.text)}
        </button>
      ))}
      <span className="muted small" role="status">
        {status === 'done' && t('video.moderationDone', { name })}
        {status === 'failed' && t('video.moderationFailed', { name })}
      </span>
    </span>
  )
}
