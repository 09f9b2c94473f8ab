/** Paths of the panel's icons, drawn in the current text colour (no icon font or emoji needed). */
const PATHS = {
  speaker: 'M3 9v6h4l5 4V5L7 9H3zm13.5 3a4.5 4.5 0 0 0-2.5-4v8a4.5 4.5 0 0 0 2.5-4z',
  muted:
    'M3 9v6h4l5 4V5L7 9H3zm13.6 3 2.7-2.7-1.1-1.1-2.7 2.7-2.7-2.7-1.1 1.1 2.7 2.7-2.7 2.7 1.1 1.1 2.7-2.7 2.7 2.7 1.1-1.1z',
  mic: 'M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9h-2z',
} as const

/** A small decorative icon; the button around it carries the accessible name. */
export function HostIcon({ name }: { name: keyof typeof PATHS }) {
  return (
    <svg className="host-icon" viewBox="0 0 24 24" width="18" height="18" aria-hidden focusable="false">
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  )
}
