/**
 * The events benchmark's server: the real Atrium server (createAtriumServer) alone in its own process, plus an IPC
 * window to set up an event (educator, attendees, slides) and to read this process's CPU time.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import type { TokenClaims } from '@atrium/common'

import { createAtriumServer } from '../../server/src/app.ts'
import { isolatedConfig } from '../../server/src/config.ts'
import { SYSTEM_ACTOR } from '../../server/src/services/audit/AuditLog.ts'
import { serve } from '../server/ipc.ts'
import { PNG_SLIDE } from './slide.ts'

export type EventServerApi = {
  start: [undefined, { port: number }]
  setup: [{ attendees: number; slides: number }, { eventId: string; host: string; attendees: string[] }]
  cpu: [undefined, { userMs: number; systemMs: number }]
  close: [undefined, void]
}

const dataDir = mkdtempSync(join(tmpdir(), 'atrium-bench-events-'))
process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }))
const server = await createAtriumServer(
  isolatedConfig(dataDir, {
    // cheap hashes: 200 accounts are created for the run; sign-in cost is the auth benchmark's subject
    scrypt: { logN: 10, r: 8, p: 1 },
    limits: { loginPerMinute: 1e6, registerPerHour: 1e6, writesPerMinute: 1e6 },
  }),
)
const s = server.services

/** An account with a live session and its access token. */
async function account(name: string, role: 'educator' | 'customer', i: number) {
  const user = await s.accounts.create(
    {
      displayName: name,
      loginId: `bench.${role}.${i}.${Date.now()}@example.com`,
      password: 'bench-password-1',
      role,
      lang: 'en',
      look: i % 24,
    },
    SYSTEM_ACTOR,
  )
  const { sid } = await s.sessions.start(user)
  const claims: TokenClaims & { sid: string } = { id: user.id, name, look: user.look, lang: 'en', role, sid }
  return { claims, token: (await s.tokens.issueAccess(claims)).token }
}

serve<EventServerApi>({
  async start() {
    return { port: await server.listen() }
  },
  async setup({ attendees, slides }) {
    const host = await account('Presenter', 'educator', 0)
    const ev = await s.events.events.create(host.claims, {
      title: { en: 'Benchmark lecture', 'zh-CN': '基准讲座' },
      description: {},
      startsAt: Date.now() + 60_000,
      durationMinutes: 60,
      capacity: attendees + 10,
      lang: 'both',
      approvalRequired: false,
      minAttendance: 0.8,
      recording: false,
    })
    for (let i = 0; i < slides; i++) await s.events.slides.append(ev.id, 'image/png', PNG_SLIDE)
    const tokens: string[] = []
    for (let i = 0; i < attendees; i++) {
      const a = await account(`Attendee ${i + 1}`, 'customer', i + 1)
      await s.events.registrations.register(a.claims, ev.id)
      tokens.push(a.token)
    }
    return { eventId: ev.id, host: host.token, attendees: tokens }
  },
  cpu() {
    const u = process.cpuUsage()
    return { userMs: u.user / 1000, systemMs: u.system / 1000 }
  },
  async close() {
    await server.close()
    process.exit(0)
  },
})
