/** The overlay's entry to investor-education events: schedule, registration, the auditorium controls. */
export function EventsEntry() {
  return null
}
