/** English strings for `events.*`; keys must match zhCNEvents.ts. */
export const enEvents = {
  events: {},
}
