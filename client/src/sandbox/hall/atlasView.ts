/** Builds what the atlas shows from the planner's and the hall's stores (read, never subscribed, here). */
import {
  DEFAULT_ASSUMPTIONS,
  DEFAULT_PRODUCTS,
  DEFAULT_STRESS_SCENARIOS,
  riskLevelName,
  type Lang,
  type RiskAssessment,
} from '@atrium/common'
import type { TFunction } from 'i18next'

import type { Allocation } from '../panel/allocation.ts'
import { planSuitability } from '../panel/planData.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import type { AtlasView } from './drawHallAtlas.ts'
import { COLUMN_COLORS } from './hallLayout.ts'
import { useHall } from './hallStore.ts'
import { projectionText } from './projectionText.ts'

/** The year a scenario is known by (its id names it: gfc2008 → 2008). */
export function scenarioYear(id: string): string {
  return /\d{4}/.exec(id)?.[0] ?? id
}

/** Plan risk and suitability of `allocation` as short lines in the UI language, with a tone for colour. */
export function riskLines(t: TFunction, lang: Lang, allocation: Allocation, assessment: RiskAssessment | undefined) {
  const check = planSuitability(allocation, assessment)
  if (!check) return { risk: '', suitability: '', tone: 'muted' as const }
  const risk = t('sandbox.risk.level', { risk: check.risk, name: riskLevelName(DEFAULT_PRODUCTS, check.risk)[lang] })
  const category = check.category ?? ''
  if (check.status === 'suitable')
    return { risk, suitability: t('sandbox.risk.suitable', { category }), tone: 'ok' as const }
  if (check.status === 'mismatch')
    return { risk, suitability: t('sandboxHall.mismatch', { category }), tone: 'warn' as const }
  if (check.status === 'expired') return { risk, suitability: t('sandboxHall.expired'), tone: 'warn' as const }
  return { risk, suitability: t('sandbox.risk.questionnaire'), tone: 'muted' as const }
}

/** The atlas contents for the current plan, selection, projection and replay. */
export function buildAtlasView(t: TFunction, lang: Lang, assessment: RiskAssessment | undefined): AtlasView {
  const { data, run } = useSandbox.getState()
  const { selected, replay } = useHall.getState()
  const projection = projectionText(run, t, lang)
  return {
    labels: DEFAULT_ASSUMPTIONS.assetClasses.map((a, i) => ({
      zh: a.name['zh-CN'],
      en: a.name.en,
      weight: data.allocation[a.id] ?? 0,
      color: COLUMN_COLORS[i % COLUMN_COLORS.length]!,
      selected: i === selected,
    })),
    goal: projection.goalShort,
    board: {
      title: t('sandboxHall.title'),
      ...riskLines(t, lang, data.allocation, assessment),
      status: projection.status,
      progress: projection.progress,
      detail: projection.detail,
      hypothetical: t('sandbox.disclaimer.hypothetical'),
      buttons: [
        { label: t('sandboxHall.run'), active: run.status === 'running' },
        ...DEFAULT_STRESS_SCENARIOS.map((s, i) => ({
          label: scenarioYear(s.id),
          active: replay?.playing === true && replay.scenarioIndex === i,
        })),
      ],
    },
  }
}
