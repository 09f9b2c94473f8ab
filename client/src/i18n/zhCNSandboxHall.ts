/** 简体中文 strings for `sandboxHall.*`; keys must match enSandboxHall.ts. */
export const zhCNSandboxHall = {
  sandboxHall: {},
}
