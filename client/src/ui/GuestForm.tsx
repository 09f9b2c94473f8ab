import { DisplayName, type Lang } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { setLang } from '../i18n/index.ts'
import { JoinError } from '../net/joinBranch.ts'
import { useAppStore, type Profile } from '../state/useAppStore.ts'
import { LanguagePicker } from './LanguagePicker.tsx'
import { LookPicker } from './LookPicker.tsx'

/** Name, avatar look and language, then "Enter the branch" as a guest. */
export function GuestForm({ onJoin }: { onJoin: (p: Profile) => Promise<void> }) {
  const { t, i18n } = useTranslation()
  const [name, setName] = useState(() => sessionStorage.getItem('atrium.name') ?? '')
  const [look, setLook] = useState({ color: 0, shape: 0 })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const lang = i18n.language as Lang
  const joinError = useAppStore((s) => s.joinError)

  const submit = async (e: FormEvent) => {
    e.preventDefault()
    const parsed = DisplayName.safeParse(name)
    if (!parsed.success) return setError(t('join.nameRequired'))
    setError(undefined)
    setBusy(true)
    sessionStorage.setItem('atrium.name', parsed.data)
    try {
      await onJoin({ name: parsed.data, ...look, lang })
    } catch (err) {
      const reason =
        err instanceof JoinError && err.message === 'network' ? t('errors.network') : String((err as Error).message)
      setError(t('join.failed', { reason }))
      setBusy(false)
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={t('entry.guest')}>
      <label htmlFor="join-name">{t('join.name')}</label>
      <input
        id="join-name"
        name="name"
        autoComplete="nickname"
        maxLength={32}
        value={name}
        placeholder={t('join.namePlaceholder')}
        onChange={(e) => setName(e.target.value)}
        aria-describedby="join-name-hint"
        autoFocus
      />
      <small id="join-name-hint" className="muted">
        {t('join.nameHint')}
      </small>
      <LookPicker color={look.color} shape={look.shape} onChange={setLook} />
      <LanguagePicker value={lang} onChange={setLang} />
      {(error ?? joinError) && (
        <p className="error" role="alert">
          {error ?? joinError}
        </p>
      )}
      <button id="enter-branch" className="primary" type="submit" disabled={busy}>
        {busy ? t('join.entering') : t('join.enter')}
      </button>
    </form>
  )
}
