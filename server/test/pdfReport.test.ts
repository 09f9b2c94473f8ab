import { CONSENT_TEXTS, type PlanView } from '@atrium/common'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { readPdf } from '../src/services/pdf/readPdf.ts'
import { renderPdf } from '../src/services/pdf/renderPdf.ts'
import { call, register, rowsOf, staff, startOn, type Account } from './accountHelpers.ts'
import { DIALECTS } from './db.ts'
import type { TestServer } from './helpers.ts'
import { confirmWarning, openSession, planWith, profileC3 } from './sandboxHelpers.ts'

const PLAN_NAME = '养老计划 Retirement 2040'

/** GET a PDF as bytes. */
async function getPdf(
  t: TestServer,
  path: string,
  token: string,
): Promise<{ status: number; type: string; bytes: Buffer }> {
  const res = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: Buffer.from(await res.arrayBuffer()),
  }
}

describe('renderPdf', () => {
  it('writes Chinese and English that read back through the embedded font', async () => {
    const pdf = await renderPdf({
      title: '结业证书',
      lang: 'zh-CN',
      footer: '编号 42',
      blocks: [
        { kind: 'title', text: '结业证书 Certificate' },
        {
          kind: 'table',
          columns: [{ header: '课程' }, { header: '分钟', align: 'right' }],
          rows: [['基金入门', '45']],
        },
      ],
    })
    const doc = readPdf(pdf)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(doc.pages).toBe(1)
    expect(doc.lang).toBe('zh-CN')
    expect(doc.fonts.some((f) => /\+NotoSansHans-Regular$/.test(f))).toBe(true)
    expect(doc.text[0]).toContain('结业证书 Certificate')
    expect(doc.text[0]).toContain('基金入门')
    expect(doc.text[0]).toContain('编号 42')
  })
})

describe.each(DIALECTS)('plan report PDF on %s', (kind) => {
  let t: TestServer & { stop(): Promise<void> }
  let owner: Account
  let plan: PlanView

  beforeAll(async () => {
    t = await startOn(kind)
    owner = await register(t, { displayName: 'Pei Planner' })
    await profileC3(t, owner)
    // a growth plan is above a C3 customer's category: saving it needs the recorded confirmation
    expect((await confirmWarning(t, owner, planWith('growth'))).status).toBe(201)
    const r = await call<PlanView>(t, 'POST', '/api/me/plans', {
      token: owner.token,
      json: { name: PLAN_NAME, data: planWith('growth') },
    })
    expect(r.status).toBe(201)
    plan = r.body
  })
  afterAll(async () => {
    await t.stop()
  })

  it('renders a one-page report in the chosen language for the owner', async () => {
    const zh = await getPdf(t, `/api/me/plans/${plan.id}/report.pdf?lang=zh-CN`, owner.token)
    expect(zh.status).toBe(200)
    expect(zh.type).toBe('application/pdf')
    expect(zh.bytes.subarray(0, 5).toString()).toBe('%PDF-')
    const doc = readPdf(zh.bytes)
    expect(doc.pages).toBe(1)
    const text = doc.text.join('\n')
    for (const s of [
      PLAN_NAME,
      '资产配置',
      '风险等级',
      'R4',
      'C3',
      '2008年全球金融危机',
      '所用假设',
      '不构成收益保证',
      'P50',
    ]) {
      expect(text).toContain(s)
    }
    const en = readPdf((await getPdf(t, `/api/me/plans/${plan.id}/report.pdf?lang=en`, owner.token)).bytes)
    const enText = en.text.join('\n')
    expect(en.pages).toBe(1)
    for (const s of [
      PLAN_NAME,
      'Allocation',
      'Risk mismatch',
      'Probability of reaching the goal',
      'hypothetical, not guaranteed',
    ]) {
      expect(enText).toContain(s)
    }
  })

  it('is the owner’s alone: others get 404, staff go through policy, consent and the audit trail', async () => {
    const other = await register(t)
    expect((await getPdf(t, `/api/me/plans/${plan.id}/report.pdf`, other.token)).status).toBe(404)
    expect((await getPdf(t, `/api/customers/${owner.id}/plans/${plan.id}/report.pdf`, other.token)).status).toBe(404)
    expect((await fetch(`${t.url}/api/me/plans/${plan.id}/report.pdf`)).status).toBe(401)

    const advisor = await staff(t, 'advisor')
    const staffPath = `/api/customers/${owner.id}/plans/${plan.id}/report.pdf`
    expect((await getPdf(t, staffPath, advisor.token)).status).toBe(403)
    const consent = { purpose: 'share_with_advisor', granted: true, version: CONSENT_TEXTS.share_with_advisor.version }
    expect((await call(t, 'PUT', '/api/me/consents', { token: owner.token, json: consent })).status).toBe(200)
    const ok = await getPdf(t, staffPath, advisor.token)
    expect(ok.status).toBe(200)
    expect(readPdf(ok.bytes).text.join('\n')).toContain(PLAN_NAME)
    const reads = (await rowsOf(t, 'audit')).filter((r) => r.action === 'customer.read' && r.actor_id === advisor.id)
    expect(reads.map((r) => JSON.parse(String(r.detail)).allowed)).toEqual([false, true])
    const educator = await staff(t, 'educator')
    expect((await getPdf(t, staffPath, educator.token)).status).toBe(403)
  })

  it("renders the shared session's plan for its members only, auditing an advisor's read", async () => {
    const { sessionId } = await openSession(t, owner, planWith('conservative'), '共同规划')
    const advisor = await staff(t, 'advisor')
    const path = `/api/sandbox/sessions/${sessionId}/report.pdf?lang=zh-CN`
    expect((await getPdf(t, path, advisor.token)).status).toBe(404)
    const own = await getPdf(t, path, owner.token)
    expect(own.status).toBe(200)
    expect(readPdf(own.bytes).text.join('\n')).toContain('共同规划')
    await t.server.services.sandbox.sessions.open(owner.id, [advisor.id])
    expect((await getPdf(t, path, advisor.token)).status).toBe(200)
    const audit = (await rowsOf(t, 'audit')).filter((r) => r.action === 'customer.read' && r.actor_id === advisor.id)
    expect(JSON.parse(String(audit.at(-1)!.detail))).toMatchObject({ basis: 'sandbox_member', sessionId })
  })
})
