/** 简体中文 strings for `advisor.*`; keys must match enAdvisor.ts. */
export const zhCNAdvisor = {
  advisor: {},
}
