/** A labelled number field whose value is committed when it is a valid number within the range. */
export function NumberField(props: {
  id: string
  label: string
  value: number
  min: number
  max: number
  step?: number
  onChange: (value: number) => void
}) {
  const { id, label, value, min, max, step = 1, onChange } = props
  return (
    <label className="sandbox-field" htmlFor={id}>
      <span>{label}</span>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => {
          const v = Number(e.target.value)
          if (e.target.value !== '' && Number.isFinite(v)) onChange(Math.min(max, Math.max(min, Math.round(v))))
        }}
      />
    </label>
  )
}
