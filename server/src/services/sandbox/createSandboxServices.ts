import { confirmationKey, type Lang, type SandboxPlanData } from '@atrium/common'

import type { CoreServices } from '../createServices.ts'
import { renderPdf } from '../pdf/renderPdf.ts'
import { PlanChanges } from './PlanChanges.ts'
import { planReportSpec } from './planReport.ts'
import { sandboxPrivacy } from './sandboxPrivacy.ts'
import { SandboxSessions } from './SandboxSessions.ts'
import { SuitabilityRecords } from './SuitabilityRecords.ts'

/** Plan reports as PDF. */
export interface PlanReports {
  /** Renders the one-page report of `data` as its owner's plan (suitability against the owner's profile). */
  render(input: { ownerId: string; name: string; data: SandboxPlanData; lang: Lang }): Promise<Buffer>
}

/**
 * Shared wealth-sandbox sessions and plan reports.
 *
 * Contract used by the advisory suites (issue 7): `sessions.open(ownerId, memberIds)` creates (or returns) a shared
 * sandbox session owned by a customer with the given members (advisor, invited family member) and resolves to its id;
 * the client joins the `sandbox` room with `{ sessionId }`.
 */
export interface SandboxServices {
  sessions: SandboxSessions
  changes: PlanChanges
  suitability: SuitabilityRecords
  reports: PlanReports
}

export function createSandboxServices(core: CoreServices): SandboxServices {
  const suitability = new SuitabilityRecords(core.db, core.data, core.audit)
  const reports: PlanReports = {
    async render({ ownerId, name, data, lang }) {
      const check = await suitability.check(ownerId, data)
      const confirmed = check
        ? (await suitability.list(ownerId)).find((c) => c.key === confirmationKey(check))
        : undefined
      return renderPdf(planReportSpec({ name, data, lang, check, confirmedAt: confirmed?.confirmedAt }))
    },
  }
  const changes = new PlanChanges(core.db, suitability, core.audit)
  core.privacy.addSection(sandboxPrivacy(core.db, changes, suitability))
  return {
    sessions: new SandboxSessions(core.db, core.accounts, core.audit),
    changes,
    suitability,
    reports,
  }
}
