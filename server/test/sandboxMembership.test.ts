import { CLOSE_ABUSE, ROOMS, SANDBOX_SESSION, SandboxState, SB_C2S } from '@atrium/common'
import { Client } from 'colyseus.js'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { call, register, rowsOf, staff, startOn, type Account } from './accountHelpers.ts'
import { DIALECTS } from './db.ts'
import { guest, sleep, type TestServer } from './helpers.ts'
import { joinSandbox, openSession, planWith, profileC3, shownPlan } from './sandboxHelpers.ts'

describe.each(DIALECTS)('shared sandbox membership on %s', (kind) => {
  let t: TestServer & { stop(): Promise<void> }
  let owner: Account
  let sessionId: string
  let code: string

  beforeAll(async () => {
    t = await startOn(kind)
    owner = await register(t, { displayName: 'Olivia Owner' })
    await profileC3(t, owner)
    const view = await openSession(t, owner, planWith('conservative'))
    sessionId = view.sessionId
    code = view.inviteCode!
    expect(code).toMatch(/^[A-Z2-9]{8}$/)
  })
  afterAll(async () => {
    await t.stop()
  })

  const tryJoin = async (token: string, options: unknown) => {
    const client = new Client(`ws://127.0.0.1:${t.port}`)
    client.auth.token = token
    return client.joinOrCreate(ROOMS.sandbox, options as object, SandboxState)
  }

  it('lets only members in, and never by a forged or foreign claim', async () => {
    const stranger = await register(t, { displayName: 'Sam Stranger' })
    const advisor = await staff(t, 'advisor', 'Ada Advisor')
    const g = await guest(t)
    await expect(tryJoin(stranger.token, { sessionId })).rejects.toThrow(/no such shared session/)
    await expect(tryJoin(advisor.token, { sessionId })).rejects.toThrow(/no such shared session/)
    await expect(tryJoin(g.token, { sessionId })).rejects.toThrow(/may not join/)
    await expect(tryJoin('not-a-token', { sessionId })).rejects.toThrow(/invalid or expired/)
    await expect(tryJoin(owner.token, { sessionId: "x' OR 1=1 --" })).rejects.toThrow(/name a shared session/)
    await expect(tryJoin(owner.token, { sessionId, extra: 1 })).rejects.toThrow(/name a shared session/)

    // a member of one session cannot aim that membership at another session's room
    const own = await openSession(t, stranger, planWith('balanced'), 'Stranger plan')
    const ownerRoom = await joinSandbox(t, owner.token, sessionId)
    const client = new Client(`ws://127.0.0.1:${t.port}`)
    client.auth.token = stranger.token
    await expect(client.joinById(ownerRoom.room.roomId, { sessionId: own.sessionId }, SandboxState)).rejects.toThrow()
    expect(ownerRoom.room.state.members.size).toBe(1)
    await ownerRoom.room.leave()
  })

  it('adds family by invite code; they see names and pseudonyms, never account ids', async () => {
    const family = await register(t, { displayName: 'Fei Family' })
    expect(
      (await call(t, 'POST', '/api/sandbox/join', { token: family.token, json: { code: 'ZZZZ2222' } })).status,
    ).toBe(404)
    expect((await call(t, 'POST', '/api/sandbox/join', { token: family.token, json: { code: 'bad' } })).status).toBe(
      400,
    )
    const joined = await call(t, 'POST', '/api/sandbox/join', {
      token: family.token,
      json: { code: code.toLowerCase() },
    })
    expect(joined.status, joined.text).toBe(200)
    expect(joined.body).toMatchObject({ sessionId, role: 'family', inviteCode: null })

    const o = await joinSandbox(t, owner.token, sessionId)
    const f = await joinSandbox(t, family.token, sessionId)
    expect(o.welcome()?.role).toBe('owner')
    expect(f.welcome()?.role).toBe('family')
    await vi.waitFor(() => expect(f.room.state.members.size).toBe(2))
    const members = [...f.room.state.members.values()].map((m) => ({ name: m.name, role: m.role, online: m.online }))
    expect(members).toEqual(
      expect.arrayContaining([
        { name: 'Olivia Owner', role: 'owner', online: true },
        { name: 'Fei Family', role: 'family', online: true },
      ]),
    )
    const everything = JSON.stringify(f.room.state.toJSON())
    for (const secret of [owner.id, family.id, owner.loginId, family.loginId]) expect(everything).not.toContain(secret)
    expect(f.welcome()?.memberId).toMatch(/^m_/)

    // a family member cannot edit or decide: their edit is refused and the plan stays as it was
    const before = f.room.state.plan
    f.room.send(SB_C2S.edit, { data: planWith('growth') })
    f.room.send(SB_C2S.decide, { proposalId: 'sp_abcdefghijkl', accept: true })
    await vi.waitFor(() => expect(f.errors.map((e) => e.code)).toEqual(['forbidden', 'forbidden']))
    expect(f.room.state.plan).toBe(before)
    expect(shownPlan(o).allocation).toEqual(planWith('conservative').allocation)

    const audit = await rowsOf(t, 'audit')
    expect(
      audit.some((r) => r.action === 'sandbox.joined' && r.actor_id === family.id && r.subject_id === owner.id),
    ).toBe(true)
    await f.room.leave()
    await o.room.leave()
  })

  it('survives garbage, floods and raw bytes, and disconnects the abuser', async () => {
    const o = await joinSandbox(t, owner.token, sessionId)
    const troll = await register(t, { displayName: 'Troll' })
    expect((await call(t, 'POST', '/api/sandbox/join', { token: troll.token, json: { code } })).status).toBe(200)
    const x = await joinSandbox(t, troll.token, sessionId)
    let closed: number | undefined
    x.room.onLeave((c) => (closed = c))
    const garbage: [string, unknown][] = [
      [SB_C2S.propose, null],
      [SB_C2S.propose, { data: { allocation: { cash: 1e9 } } }],
      [SB_C2S.propose, { data: { ...planWith('growth'), seed: -1 } }],
      [SB_C2S.propose, { data: { ...planWith('growth'), allocation: { gold: 50, madeUp: 50 } } }],
      [SB_C2S.propose, { data: planWith('growth'), note: 'x'.repeat(300) }],
      [SB_C2S.decide, { proposalId: '../../etc', accept: 'yes' }],
      ['no.such.type', { a: 1 }],
    ]
    for (const [type, payload] of garbage) x.room.send(type, payload)
    x.room.connection.send(new Uint8Array([0xff, 0x00, 0x13, 0x37, 0xde, 0xad]))
    await vi.waitFor(() => expect(x.errors.length).toBeGreaterThanOrEqual(6))
    expect(x.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['invalid_message', 'unknown_message']))
    // a flood: beyond the rate limit and the strike count, the troll is sent away
    for (let i = 0; i < 60; i++) x.room.send(SB_C2S.propose, { data: null })
    await vi.waitFor(() => expect(closed).toBe(CLOSE_ABUSE))

    // the room is still there and the owner still works
    await sleep(50)
    o.room.send(SB_C2S.edit, { data: planWith('conservative', 99) })
    await vi.waitFor(() => expect(shownPlan(o).seed).toBe(99))
    expect((await rowsOf(t, 'sandbox_proposals')).length).toBe(0)

    // valid but too many: the rate limit and the per-author cap on pending proposals both hold
    const eager = await register(t, { displayName: 'Eager' })
    expect((await call(t, 'POST', '/api/sandbox/join', { token: eager.token, json: { code } })).status).toBe(200)
    const e = await joinSandbox(t, eager.token, sessionId)
    for (let i = 0; i < 7; i++) {
      e.room.send(SB_C2S.propose, { data: planWith('conservative', i) })
      await sleep(250)
    }
    await vi.waitFor(() => expect(e.errors.filter((x) => x.code === 'too_many_proposals').length).toBe(2))
    await vi.waitFor(() => expect(o.room.state.proposals.size).toBe(SANDBOX_SESSION.maxPendingPerAuthor))
    for (let i = 0; i < 25; i++) e.room.send(SB_C2S.propose, { data: planWith('conservative', i) })
    await vi.waitFor(() => expect(e.errors.some((x) => x.code === 'rate_limited')).toBe(true))
    expect(o.room.state.proposals.size).toBe(SANDBOX_SESSION.maxPendingPerAuthor)
    await e.room.leave()
    await o.room.leave()
  })
})
