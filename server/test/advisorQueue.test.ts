import { BranchState, S2C, type QueueStatus } from '@atrium/common'
import { Client } from 'colyseus.js'
import { afterEach, describe, expect, it } from 'vitest'

import { call, staff, type Account } from './accountHelpers.ts'
import { acceptNext, bootOn, customers, durableDb, queueStatus, type DurableDb } from './advisorHelpers.ts'
import { DIALECTS } from './db.ts'
import type { TestServer } from './helpers.ts'

describe.each(DIALECTS)('advisor queue on %s', (dialect) => {
  let db: DurableDb | undefined
  let t: TestServer | undefined
  afterEach(async () => {
    await t?.server.close()
    await db?.drop()
    t = undefined
    db = undefined
  })

  /** Five advisors each accept `each` customers at once; returns, per advisor, the positions they served. */
  async function serveRound(server: TestServer, advisors: Account[], each: number, positions: Map<string, number>) {
    return Promise.all(
      advisors.map(async (adv) => {
        const served: number[] = []
        for (let i = 0; i < each; i++) {
          const session = await acceptNext(server, adv)
          expect(session).not.toBeNull()
          served.push(positions.get(session!.customer.id)!)
        }
        return served
      }),
    )
  }

  it(
    'serves 100 waiting customers with 5 advisors in order, and a restart loses nobody',
    { timeout: 240_000 },
    async () => {
      db = await durableDb(dialect)
      t = await bootOn(db)
      const people = await customers(t, 100)
      const advisors = await Promise.all([1, 2, 3, 4, 5].map((i) => staff(t!, 'advisor', `Advisor ${i}`)))
      // they ask ten at a time, as a crowd would
      for (let i = 0; i < 100; i += 10) {
        const joined = await Promise.all(
          people.slice(i, i + 10).map((c) =>
            call<QueueStatus>(t!, 'POST', '/api/advisors/queue', {
              token: c.token,
              json: { topic: 'wealth', lang: 'en' },
            }),
          ),
        )
        for (const j of joined) expect(j.status).toBe(200)
      }
      // asking twice keeps the one place
      const again = await call<QueueStatus>(t, 'POST', '/api/advisors/queue', {
        token: people[0]!.token,
        json: { topic: 'loans', lang: 'en' },
      })
      expect(again.body.reference).toBe((await queueStatus(t, people[0]!)).reference)

      const before = await Promise.all(people.map((c) => queueStatus(t!, c)))
      const positions = new Map(people.map((c, i) => [c.id, before[i]!.position!]))
      expect([...positions.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1))
      for (const s of before) expect(s.estimatedWaitMs).toBeGreaterThan(0)
      // the console shows them in serving order with their topic and waiting time
      const consoleView = await call<{ queue: { customer: { id: string }; topic: string; waitingMs: number }[] }>(
        t,
        'GET',
        '/api/advisors/console',
        { token: advisors[0]!.token },
      )
      expect(consoleView.body.queue.map((q) => positions.get(q.customer.id))).toEqual(
        Array.from({ length: 100 }, (_, i) => i + 1),
      )
      expect(consoleView.body.queue[0]).toMatchObject({ topic: 'wealth' })

      const first = await serveRound(t, advisors, 10, positions)
      for (const served of first) expect(served).toEqual([...served].sort((a, b) => a - b))
      expect(first.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1))

      // restart: a new process on the same database
      await t.server.close()
      t = await bootOn(db)
      const after = await Promise.all(people.map((c) => queueStatus(t!, c)))
      for (const [i, c] of people.entries()) {
        const was = positions.get(c.id)!
        if (was <= 50) expect(after[i]).toMatchObject({ status: 'accepted', position: null })
        else expect(after[i]).toMatchObject({ status: 'waiting', position: was - 50 })
      }

      const second = await serveRound(t, advisors, 10, positions)
      for (const served of second) expect(served).toEqual([...served].sort((a, b) => a - b))
      expect(second.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 51))
      expect(await acceptNext(t, advisors[0]!)).toBeNull()
      const sessions = await t.server.services.db.db.selectFrom('advisory_sessions').select('customer_id').execute()
      expect(new Set(sessions.map((s) => s.customer_id)).size).toBe(100)
      expect(sessions).toHaveLength(100)
    },
  )

  it('lets a customer leave at any time and two advisors never take the same customer', async () => {
    db = await durableDb(dialect)
    t = await bootOn(db)
    const [a, b] = await customers(t, 2)
    const [x, y] = await Promise.all([staff(t, 'advisor', 'X'), staff(t, 'advisor', 'Y')])
    await call(t, 'POST', '/api/advisors/queue', { token: a!.token, json: { topic: 'cards', lang: 'zh-CN' } })
    await call(t, 'POST', '/api/advisors/queue', { token: b!.token, json: { topic: 'loans', lang: 'en' } })
    expect((await queueStatus(t, b!)).position).toBe(2)
    const left = await call<QueueStatus>(t, 'DELETE', '/api/advisors/queue/me', { token: a!.token })
    expect(left.body).toMatchObject({ status: 'left', position: null })
    expect((await queueStatus(t, b!)).position).toBe(1)
    const ref = (await queueStatus(t, b!)).reference
    // both customers have the branch open: only the one accepted is told that the suite is ready
    const notices = await Promise.all(
      [a!, b!].map(async (who) => {
        const client = new Client(`ws://127.0.0.1:${t!.port}`)
        client.auth.token = who.token
        const room = await client.joinOrCreate('branch', {}, BranchState)
        const got: unknown[] = []
        room.onMessage('*', () => undefined)
        room.onMessage(S2C.notice, (n: unknown) => got.push(n))
        return { room, got }
      }),
    )
    const both = await Promise.all(
      [x!, y!].map((adv) => call(t!, 'POST', `/api/advisors/queue/${ref}/accept`, { token: adv.token, json: {} })),
    )
    expect(both.map((r) => r.status).sort()).toEqual([200, 409])
    await expect.poll(() => notices[1]!.got).toEqual([{ kind: 'suite.ready', reference: ref }])
    expect(notices[0]!.got).toEqual([])
    for (const n of notices) await n.room.leave()
    // the desk's take is the same lock: the hand-off is taken
    expect((await call(t, 'POST', `/api/staff/handoffs/${ref}/take`, { token: x!.token, json: {} })).status).toBe(409)
    // customers cannot serve, advisors cannot queue
    expect((await call(t, 'POST', '/api/advisors/queue/accept-next', { token: a!.token, json: {} })).status).toBe(403)
    expect(
      (await call(t, 'POST', '/api/advisors/queue', { token: x!.token, json: { topic: 'cards', lang: 'en' } })).status,
    ).toBe(403)
    expect(
      (await call(t, 'POST', '/api/advisors/queue', { token: a!.token, json: { topic: 'crypto', lang: 'en' } })).status,
    ).toBe(400)
  })
})
