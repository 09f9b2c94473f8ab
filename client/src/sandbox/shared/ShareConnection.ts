import {
  parsePlanData,
  ROOMS,
  SANDBOX_SESSION,
  SandboxState,
  SB_C2S,
  SB_S2C,
  type SandboxPlanData,
  type SandboxRole,
  type SbErrorMsg,
  type SbWelcomeMsg,
} from '@atrium/common'
import { Client, type Room } from 'colyseus.js'

import { freshAccessToken } from '../../auth/apiFetch.ts'
import { setPlanData, useSandbox } from '../panel/sandboxStore.ts'
import { rejoinsShareAfter, SHARE_REJOIN_DELAYS_MS } from './shareRejoin.ts'
import { SHARE_OFF, useShare, type SharedProposal } from './shareStore.ts'

let room: Room<SandboxState> | undefined
/** The plan as last received from the room, so following it is not mistaken for a local edit. */
let lastShared = ''

/** JSON of a plan as the room and the panel compare it. */
export function planKey(data: SandboxPlanData): string {
  return JSON.stringify(data)
}

/** True while the panel's plan is the one the room shows. */
export function isSharedPlan(data: SandboxPlanData): boolean {
  return planKey(data) === lastShared
}

function endpoint(): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`
}

/** Copies the room's state into the share store, and the plan into the planner when it changed. */
function sync(state: SandboxState): void {
  const plan = parsePlanData(safeJson(state.plan))
  if (plan && planKey(plan) !== lastShared) {
    lastShared = planKey(plan)
    setPlanData(plan)
  }
  const proposals: SharedProposal[] = []
  state.proposals.forEach((p) => {
    const data = parsePlanData(safeJson(p.plan))
    if (data)
      proposals.push({
        id: p.id,
        authorId: p.authorId,
        authorName: p.authorName,
        data,
        risk: p.risk,
        note: p.note,
        createdAt: p.createdAt,
      })
  })
  const members = [...state.members.values()].map((m) => ({
    id: m.id,
    name: m.name,
    role: m.role as SandboxRole,
    online: m.online,
  }))
  useShare.getState().set({
    name: state.name,
    version: state.version,
    members,
    proposals: proposals.sort((a, b) => a.createdAt - b.createdAt),
  })
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/**
 * Joins a shared session's room with the signed-in account's token. Everyone simulates the same number of paths
 * while in a session, so the same seed and inputs give the same figures on every screen.
 */
export async function joinShared(sessionId: string, inviteCode: string | null = null): Promise<void> {
  await leaveShared()
  useShare.getState().set({ ...SHARE_OFF, status: 'connecting', sessionId, inviteCode })
  if (!(await connect(sessionId))) useShare.getState().set({ status: 'failed' })
}

/** Joins the room of `sessionId`; false when that failed or the session was left meanwhile. */
async function connect(sessionId: string): Promise<boolean> {
  try {
    const client = new Client(endpoint())
    client.auth.token = await freshAccessToken()
    const joined = await client.joinOrCreate(ROOMS.sandbox, { sessionId }, SandboxState)
    if (useShare.getState().sessionId !== sessionId) {
      await joined.leave(true)
      return false
    }
    room = joined
    useSandbox.getState().set({ paths: SANDBOX_SESSION.paths })
    joined.onMessage(SB_S2C.welcome, (m: SbWelcomeMsg) =>
      useShare.getState().set({ status: 'joined', role: m.role, memberId: m.memberId }),
    )
    joined.onMessage(SB_S2C.error, (m: SbErrorMsg) => useShare.getState().set({ lastError: m }))
    joined.onStateChange((state) => sync(state))
    joined.onLeave((code) => {
      if (room !== joined) return
      room = undefined
      lastShared = ''
      if (rejoinsShareAfter(code)) void rejoin(sessionId)
      else useShare.getState().set({ status: 'ended' })
    })
    return true
  } catch {
    return false
  }
}

/**
 * The connection dropped (network, a server process going away): the session and its plan live in the database, so
 * join it again, showing the last view meanwhile, until the attempts run out or the member leaves.
 */
async function rejoin(sessionId: string): Promise<void> {
  useShare.getState().set({ status: 'reconnecting' })
  for (const delay of SHARE_REJOIN_DELAYS_MS) {
    await new Promise((r) => setTimeout(r, delay))
    if (useShare.getState().sessionId !== sessionId || room) return
    if (await connect(sessionId)) return
  }
  if (useShare.getState().sessionId === sessionId && !room) useShare.getState().set({ status: 'failed' })
}

/** Leaves the room (the session stays; the owner ends it with closeSharedSession). */
export async function leaveShared(): Promise<void> {
  const current = room
  room = undefined
  lastShared = ''
  useShare.getState().set({ ...SHARE_OFF })
  if (current?.connection.isOpen) await current.leave(true)
}

function send(type: (typeof SB_C2S)[keyof typeof SB_C2S], message: unknown): void {
  if (room?.connection.isOpen) room.send(type, message)
}

/** The owner's edit: applied by the server (after its suitability check) and echoed to everyone. */
export function sendEdit(data: SandboxPlanData): void {
  send(SB_C2S.edit, { data })
}

/** Another member's proposal for the owner. */
export function sendProposal(data: SandboxPlanData, note?: string): void {
  send(SB_C2S.propose, note ? { data, note } : { data })
}

/** The owner's decision on a proposal. */
export function sendDecision(proposalId: string, accept: boolean): void {
  useShare.getState().set({ lastError: undefined })
  send(SB_C2S.decide, { proposalId, accept })
}
