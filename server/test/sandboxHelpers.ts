import {
  DEFAULT_QUESTIONNAIRE,
  newPlanData,
  presetAllocation,
  ROOMS,
  SandboxState,
  SB_S2C,
  SUITABILITY_DISCLOSURE,
  type PresetName,
  type SandboxPlanData,
  type SandboxSessionView,
  type SbErrorMsg,
  type SbWelcomeMsg,
} from '@atrium/common'
import { Client, type Room } from 'colyseus.js'
import { expect, vi } from 'vitest'

import { call, type Account } from './accountHelpers.ts'
import type { TestServer } from './helpers.ts'

/** Answers that score C3 (balanced): a conservative plan (R2) is suitable, a balanced or growth one (R4) is not. */
export const C3_ANSWERS = Object.fromEntries(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q.options.length - 1]))

/** A plan with a preset allocation and a fixed seed. */
export function planWith(preset: PresetName, seed = 1234): SandboxPlanData {
  return { ...newPlanData(seed), allocation: presetAllocation(preset) }
}

/** Gives the customer a C3 risk profile. */
export async function profileC3(t: TestServer, customer: Account): Promise<void> {
  const r = await call(t, 'PUT', '/api/me/profile', { token: customer.token, json: { answers: C3_ANSWERS, goals: '' } })
  expect(r.status, r.text).toBe(200)
}

/** The customer opens a shared session for `data`. */
export async function openSession(t: TestServer, owner: Account, data: SandboxPlanData, name = 'Family plan') {
  const r = await call<SandboxSessionView>(t, 'POST', '/api/sandbox/sessions', {
    token: owner.token,
    json: { name, data },
  })
  expect(r.status, r.text).toBe(201)
  return r.body
}

/** Records the customer's confirmation of the warning `data` shows them. */
export async function confirmWarning(t: TestServer, owner: Account, data: SandboxPlanData) {
  return call(t, 'POST', '/api/me/suitability/confirmations', {
    token: owner.token,
    json: { data, disclosureVersion: SUITABILITY_DISCLOSURE.version, lang: 'en' },
  })
}

/** A member's connection to the sandbox room, with the messages it received. */
export interface Member {
  room: Room<SandboxState>
  welcome: () => SbWelcomeMsg | undefined
  errors: SbErrorMsg[]
}

/** Joins the shared session's room as `account` (a real colyseus.js client over WebSockets). */
export async function joinSandbox(t: TestServer, token: string, sessionId: string): Promise<Member> {
  const client = new Client(`ws://127.0.0.1:${t.port}`)
  client.auth.token = token
  const room = await client.joinOrCreate(ROOMS.sandbox, { sessionId }, SandboxState)
  let welcome: SbWelcomeMsg | undefined
  const errors: SbErrorMsg[] = []
  room.onMessage(SB_S2C.welcome, (m: SbWelcomeMsg) => (welcome = m))
  room.onMessage(SB_S2C.error, (m: SbErrorMsg) => errors.push(m))
  await vi.waitFor(() => expect(welcome).toBeDefined())
  return { room, welcome: () => welcome, errors }
}

/** The plan the room shows, parsed. */
export function shownPlan(m: Member): SandboxPlanData {
  return JSON.parse(m.room.state.plan) as SandboxPlanData
}
