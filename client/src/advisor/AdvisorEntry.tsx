/** The overlay's entry to live advisors: talk now, appointments, the suite, the staff console. */
export function AdvisorEntry() {
  return null
}
