/** English strings for `advisor.*`; keys must match zhCNAdvisor.ts. */
export const enAdvisor = {
  advisor: {},
}
