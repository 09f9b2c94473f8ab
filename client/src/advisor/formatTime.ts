/** The visitor's own IANA time zone (what bookings store for display). */
export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/** A date and time in the given zone and UI language. */
export function formatWhen(ms: number, lang: string, timeZone = localTimeZone()): string {
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms)
}

/** Minutes, rounded up, for waits. */
export const minutes = (ms: number): number => Math.max(1, Math.ceil(ms / 60_000))
