import type { SandboxPlanData, SandboxRole, SbErrorMsg } from '@atrium/common'
import { create } from 'zustand'

/** A member as the shared state shows them: display name and per-session pseudonym. */
export interface SharedMember {
  id: string
  name: string
  role: SandboxRole
  online: boolean
}

/** A pending proposal, its plan already validated. */
export interface SharedProposal {
  id: string
  authorId: string
  authorName: string
  data: SandboxPlanData
  risk: string
  note: string
  createdAt: number
}

/** `reconnecting`: the connection dropped and the session is being joined again (the last view stays shown). */
export type ShareStatus = 'off' | 'connecting' | 'joined' | 'reconnecting' | 'ended' | 'failed'

interface ShareState {
  status: ShareStatus
  sessionId: string | undefined
  name: string
  role: SandboxRole | undefined
  memberId: string | undefined
  /** Only the owner has it. */
  inviteCode: string | null
  members: SharedMember[]
  proposals: SharedProposal[]
  version: number
  /** The last refusal from the room (confirmation required, rate limited…). */
  lastError: SbErrorMsg | undefined
  set: (partial: Partial<ShareState>) => void
}

export const SHARE_OFF = {
  status: 'off',
  sessionId: undefined,
  name: '',
  role: undefined,
  memberId: undefined,
  inviteCode: null,
  members: [],
  proposals: [],
  version: 0,
  lastError: undefined,
} as const satisfies Omit<ShareState, 'set'>

/**
 * The shared session the planner is in, if any: slow UI state for the "Share / work together" section. The plan
 * itself lives in `useSandbox` (which the panel and the 3D hall read); while joined it follows the room.
 */
export const useShare = create<ShareState>()((set) => ({ ...SHARE_OFF, set: (partial) => set(partial) }))
