import { AVATAR_COLORS, AVATAR_SHAPES, DisplayName, LANGS, type Lang } from '@atrium/common'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'

import { setLang } from '../i18n/index.ts'
import { JoinError } from '../net/joinBranch.ts'
import { useAppStore, type Profile } from '../state/useAppStore.ts'

const LANG_NAMES: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' }

/** Name, avatar look and language, then "Enter the branch". */
export function JoinScreen({ onJoin }: { onJoin: (p: Profile) => Promise<void> }) {
  const { t, i18n } = useTranslation()
  const [name, setName] = useState(() => sessionStorage.getItem('atrium.name') ?? '')
  const [color, setColor] = useState(0)
  const [shape, setShape] = useState(0)
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
      await onJoin({ name: parsed.data, color, shape, lang })
    } catch (err) {
      const reason =
        err instanceof JoinError && err.message === 'network' ? t('errors.network') : String((err as Error).message)
      setError(t('join.failed', { reason }))
      setBusy(false)
    }
  }

  return (
    <main className="join">
      <form className="card" onSubmit={(e) => void submit(e)} aria-labelledby="join-heading">
        <p className="brand">{t('app.title')}</p>
        <h1 id="join-heading">{t('join.heading')}</h1>
        <p className="muted">{t('join.intro')}</p>
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
        <fieldset>
          <legend>{t('join.color')}</legend>
          <div className="swatches" role="radiogroup" aria-label={t('join.color')}>
            {AVATAR_COLORS.map((c, i) => (
              <button
                key={c}
                type="button"
                role="radio"
                aria-checked={color === i}
                aria-label={t('join.colorN', { n: i + 1 })}
                className="swatch"
                style={{ background: c }}
                onClick={() => setColor(i)}
              />
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('join.shape')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('join.shape')}>
            {AVATAR_SHAPES.map((s, i) => (
              <button key={s} type="button" role="radio" aria-checked={shape === i} onClick={() => setShape(i)}>
                {t(`join.shapes.${s}`)}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('join.language')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('join.language')}>
            {LANGS.map((l) => (
              <button key={l} type="button" role="radio" aria-checked={lang === l} lang={l} onClick={() => setLang(l)}>
                {LANG_NAMES[l]}
              </button>
            ))}
          </div>
        </fieldset>
        {(error ?? joinError) && (
          <p className="error" role="alert">
            {error ?? joinError}
          </p>
        )}
        <button id="enter-branch" className="primary" type="submit" disabled={busy}>
          {busy ? t('join.entering') : t('join.enter')}
        </button>
      </form>
    </main>
  )
}
