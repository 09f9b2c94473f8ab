import type { SandboxServices } from '../sandbox/createSandboxServices.ts'

/** The shared-sandbox contract the suites use (see createSandboxServices.ts): open a customer's session with members. */
export interface SandboxOpener {
  open(ownerId: string, memberIds: string[]): Promise<string>
}

/**
 * The sandbox's `sessions.open`, when the sandbox feature provides it; undefined otherwise, and the suite table then
 * stays empty. Looked up structurally so the suites build whether or not that feature has landed.
 */
export function sandboxOpener(sandbox: SandboxServices): SandboxOpener | undefined {
  const sessions = (sandbox as { sessions?: Partial<SandboxOpener> }).sessions
  if (!sessions || typeof sessions.open !== 'function') return undefined
  return { open: (ownerId, memberIds) => sessions.open!(ownerId, memberIds) }
}
