/** English strings for `sandboxHall.*`; keys must match zhCNSandboxHall.ts. */
export const enSandboxHall = {
  sandboxHall: {},
}
