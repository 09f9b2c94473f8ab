import type { SbErrorCode } from '@atrium/common'

import { InvalidPlan, TooManyProposals } from './PlanChanges.ts'
import { SandboxNotFound } from './SandboxSessions.ts'
import { ConfirmationRequired } from './SuitabilityRecords.ts'

/** The room error for a refusal of the sandbox services; undefined for anything unexpected. */
export function roomErrorCode(e: unknown): { code: SbErrorCode; message: string } | undefined {
  if (e instanceof ConfirmationRequired) return { code: 'confirmation_required', message: e.message }
  if (e instanceof TooManyProposals) return { code: 'too_many_proposals', message: e.message }
  if (e instanceof SandboxNotFound) return { code: 'not_found', message: e.message }
  if (e instanceof InvalidPlan) return { code: 'invalid_message', message: e.message }
  return undefined
}
