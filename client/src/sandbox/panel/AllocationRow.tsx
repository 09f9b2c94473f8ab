import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'

const STEPS: Record<string, number> = {
  ArrowUp: 1,
  ArrowRight: 1,
  ArrowDown: -1,
  ArrowLeft: -1,
  PageUp: 5,
  PageDown: -5,
}

/** Slider and number field for one asset class: arrows ±1%, PageUp/PageDown ±5%, Home 0%, End 100%. */
export function AllocationRow(props: { id: string; name: string; value: number; onChange: (value: number) => void }) {
  const { t } = useTranslation()
  const { id, name, value, onChange } = props
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const step = STEPS[e.key]
    const next = step !== undefined ? value + step : e.key === 'Home' ? 0 : e.key === 'End' ? 100 : undefined
    if (next === undefined) return
    e.preventDefault()
    onChange(next)
  }
  return (
    <div className="sandbox-row" data-asset={id}>
      <label htmlFor={`alloc-range-${id}`}>{name}</label>
      <input
        id={`alloc-range-${id}`}
        type="range"
        min={0}
        max={100}
        step={1}
        value={value}
        aria-valuetext={`${value}%`}
        onKeyDown={onKeyDown}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <input
        id={`alloc-num-${id}`}
        type="number"
        min={0}
        max={100}
        step={1}
        value={value}
        aria-label={t('sandbox.allocation.percent', { name })}
        onKeyDown={onKeyDown}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <span aria-hidden>%</span>
    </div>
  )
}
