import type { CoreServices } from '../createServices.ts'
import type { SandboxServices } from '../sandbox/createSandboxServices.ts'

/** The live-advisor services (queue, appointments, suites, console, follow-ups, complaints). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AdvisorServices {}

export function createAdvisorServices(core: CoreServices, sandbox: SandboxServices): AdvisorServices {
  void core
  void sandbox
  return {}
}
