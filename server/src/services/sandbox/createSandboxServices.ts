import type { CoreServices } from '../createServices.ts'

/**
 * Shared wealth-sandbox sessions and plan reports.
 *
 * Contract used by the advisory suites (issue 7): `sessions.open(ownerId, memberIds)` creates (or returns) a shared
 * sandbox session owned by a customer with the given members (advisor, invited family member) and resolves to its id;
 * the client joins the `sandbox` room with `{ sessionId }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SandboxServices {}

export function createSandboxServices(core: CoreServices): SandboxServices {
  void core
  return {}
}
