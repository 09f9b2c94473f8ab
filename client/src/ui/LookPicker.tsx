import { AVATAR_COLORS, AVATAR_SHAPES } from '@atrium/common'
import { useTranslation } from 'react-i18next'

interface LookPickerProps {
  color: number
  shape: number
  onChange: (look: { color: number; shape: number }) => void
}

/** Avatar colour swatches and head shapes, each a radio group of buttons. */
export function LookPicker({ color, shape, onChange }: LookPickerProps) {
  const { t } = useTranslation()
  return (
    <>
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
              onClick={() => onChange({ color: i, shape })}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('join.shape')}</legend>
        <div className="segmented" role="radiogroup" aria-label={t('join.shape')}>
          {AVATAR_SHAPES.map((s, i) => (
            <button
              key={s}
              type="button"
              role="radio"
              aria-checked={shape === i}
              onClick={() => onChange({ color, shape: i })}
            >
              {t(`join.shapes.${s}`)}
            </button>
          ))}
        </div>
      </fieldset>
    </>
  )
}
