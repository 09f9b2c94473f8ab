import { LANGS, type Lang } from '@atrium/common'
import { useTranslation } from 'react-i18next'

/** Each language named in its own script. */
export const LANG_NAMES: Record<Lang, string> = { 'zh-CN': '中文', en: 'English' }

/** A radio group of the supported languages. */
export function LanguagePicker({
  value,
  onChange,
  legend,
}: {
  value: Lang
  onChange: (l: Lang) => void
  legend?: string
}) {
  const { t } = useTranslation()
  const label = legend ?? t('join.language')
  return (
    <fieldset>
      <legend>{label}</legend>
      <div className="segmented" role="radiogroup" aria-label={label}>
        {LANGS.map((l) => (
          <button key={l} type="button" role="radio" aria-checked={value === l} lang={l} onClick={() => onChange(l)}>
            {LANG_NAMES[l]}
          </button>
        ))}
      </div>
    </fieldset>
  )
}
