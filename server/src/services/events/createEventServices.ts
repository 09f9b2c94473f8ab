import type { CoreServices } from '../createServices.ts'

/** The investor-education event services (events, registration, auditorium state, attendance, certificates). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventServices {}

export function createEventServices(core: CoreServices): EventServices {
  void core
  return {}
}
