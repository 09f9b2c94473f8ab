/** 简体中文 strings for `events.*`; keys must match enEvents.ts. */
export const zhCNEvents = {
  events: {},
}
