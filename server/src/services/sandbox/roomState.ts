import { SandboxMember, SandboxProposal, type SandboxRole, type SandboxState } from '@atrium/common'

import type { AppliedChange, PendingProposal } from './PlanChanges.ts'
import { memberPseudonym } from './ids.ts'
import type { SandboxMembership } from './SandboxSessions.ts'

/**
 * Writes service results into a sandbox room's shared state. Only display names and per-session pseudonyms go in:
 * every member can read the whole state.
 */
export const roomState = {
  /** The plan after an applied change. */
  plan(state: SandboxState, change: AppliedChange): void {
    state.plan = JSON.stringify(change.data)
    state.version = change.version
    state.risk = change.risk
  },

  /** The member list from the database, with who is connected now. */
  members(
    state: SandboxState,
    members: readonly (SandboxMembership & { name: string })[],
    online: ReadonlySet<string>,
  ): void {
    const keep = new Set<string>()
    for (const m of members) {
      const id = memberPseudonym(state.sessionId, m.userId)
      keep.add(id)
      const entry = state.members.get(id) ?? new SandboxMember()
      entry.assign({ id, name: m.name, role: m.role satisfies SandboxRole, online: online.has(m.userId) })
      if (!state.members.has(id)) state.members.set(id, entry)
    }
    for (const id of [...state.members.keys()]) if (!keep.has(id)) state.members.delete(id)
  },

  /** A pending proposal, shown with its author's display name. */
  addProposal(state: SandboxState, p: PendingProposal, authorName: string, risk: string): void {
    const entry = new SandboxProposal()
    entry.assign({
      id: p.id,
      authorId: memberPseudonym(state.sessionId, p.authorId),
      authorName,
      plan: JSON.stringify(p.data),
      risk,
      note: p.note,
      createdAt: p.createdAt,
    })
    state.proposals.set(p.id, entry)
  },

  removeProposal(state: SandboxState, id: string): void {
    state.proposals.delete(id)
  },
}
