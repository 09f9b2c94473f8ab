/** 简体中文 strings for `sandboxShare.*`; keys must match enSandboxShare.ts. */
export const zhCNSandboxShare = {
  sandboxShare: {},
}
