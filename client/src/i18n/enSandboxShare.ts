/** English strings for `sandboxShare.*`; keys must match zhCNSandboxShare.ts. */
export const enSandboxShare = {
  sandboxShare: {},
}
