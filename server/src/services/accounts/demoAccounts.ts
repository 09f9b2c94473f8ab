import { randomBytes } from 'node:crypto'

import type { StaffRole } from '@atrium/common'

import { SYSTEM_ACTOR } from '../audit/AuditLog.ts'
import type { AccountService } from './AccountService.ts'

const DEMO: { role: 'customer' | StaffRole; name: string; lang: 'en' | 'zh-CN' }[] = [
  { role: 'customer', name: 'Demo Customer 演示客户', lang: 'zh-CN' },
  { role: 'advisor', name: 'Demo Advisor 演示顾问', lang: 'zh-CN' },
  { role: 'educator', name: 'Demo Educator 演示讲师', lang: 'zh-CN' },
  { role: 'compliance', name: 'Demo Compliance 演示合规', lang: 'en' },
  { role: 'admin', name: 'Demo Admin 演示管理员', lang: 'en' },
]

/**
 * Development only: on an empty database, creates one account per role with a random password
 * and returns the lines to print once. The caller never runs this when NODE_ENV=production.
 */
export async function seedDemoAccounts(accounts: AccountService): Promise<string[] | undefined> {
  if ((await accounts.count()) > 0) return undefined
  const lines = ['┌─ DEMO ACCOUNTS (development only; shown once; never created in production) ─']
  for (const d of DEMO) {
    const loginId = `${d.role}@demo.atrium.local`
    const password = `demo-${randomBytes(6).toString('base64url')}`
    const input = { displayName: d.name, loginId, password, role: d.role, lang: d.lang, look: 0 }
    await accounts.create(input, SYSTEM_ACTOR)
    lines.push(`│ ${d.role.padEnd(10)} ${loginId.padEnd(32)} ${password}`)
  }
  lines.push('└─ sign in with these on the join screen; delete data/ to start over')
  return lines
}
