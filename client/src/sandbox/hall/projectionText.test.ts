import { DEFAULT_ASSUMPTIONS, simulate } from '@atrium/common'
import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'

import { en } from '../../i18n/en.ts'
import { zhCN } from '../../i18n/zhCN.ts'
import { newPlanData, toSimulationPlan } from '../panel/planData.ts'
import { projectionText } from './projectionText.ts'

const i18n = i18next.createInstance()

beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: 'en',
    interpolation: { escapeValue: false },
  })
})

describe('projection text', () => {
  it('says what to do before a run, and the progress during one', () => {
    const t = i18n.getFixedT('en')
    expect(projectionText({ status: 'idle' }, t, 'en').status).toMatch(/^Run a projection/)
    const running = projectionText({ status: 'running', done: 500, total: 2000 }, t, 'en')
    expect(running).toMatchObject({ status: 'Simulating… 25%', progress: 0.25, goalShort: undefined })
  })

  it('gives the median, the goal probability and the goal marker text after a run, in both languages', () => {
    const data = newPlanData(5)
    const result = simulate(toSimulationPlan(data), DEFAULT_ASSUMPTIONS, { seed: data.seed, paths: 200 })
    const run = { status: 'done' as const, result, data }
    const text = projectionText(run, i18n.getFixedT('en'), 'en')
    expect(text.status).toMatch(/^Median after 10 years: CN¥[\d,]+ \(25–75%: CN¥/)
    expect(text.detail[0]).toMatch(/^Goal of CN¥400,000 in year 10: reached in \d+(\.\d)?% of paths$/)
    expect(text.goalShort).toMatch(/^Goal \d+(\.\d)?%$/)
    const zh = projectionText(run, i18n.getFixedT('zh-CN'), 'zh-CN')
    expect(zh.status).toMatch(/^10年后中位数：/)
    expect(zh.goalShort).toMatch(/^目标 /)
  })
})
