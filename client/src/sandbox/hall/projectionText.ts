/** The words for the projection's state, shared by the 3D board and the 2D controls. */
import type { Lang } from '@atrium/common'
import type { TFunction } from 'i18next'

import { formatMoney, formatMoneyShort, formatPercent } from '../panel/format.ts'
import type { RunState } from '../panel/sandboxStore.ts'

/** A headline, a progress fraction while running, detail lines, and the goal marker's short text. */
export interface ProjectionText {
  status: string
  progress: number | undefined
  detail: string[]
  goalShort: string | undefined
}

/** Describes `run` in the UI language. */
export function projectionText(run: RunState, t: TFunction, lang: Lang): ProjectionText {
  if (run.status === 'running') {
    const fraction = run.total > 0 ? run.done / run.total : 0
    return {
      status: t('sandboxHall.running', { percent: Math.round(fraction * 100) }),
      progress: fraction,
      detail: [],
      goalShort: undefined,
    }
  }
  if (run.status !== 'done') {
    const status = run.status === 'failed' ? t('sandboxHall.failed') : t('sandboxHall.idle')
    return { status, progress: undefined, detail: [], goalShort: undefined }
  }
  const { result } = run
  const last = result.months.length - 1
  const real = result.bands.real
  const status = t('sandboxHall.median', {
    years: Math.round(result.horizonMonths / 12),
    amount: formatMoney(real.p50[last] ?? 0, lang),
    low: formatMoneyShort(real.p25[last] ?? 0, lang),
    high: formatMoneyShort(real.p75[last] ?? 0, lang),
  })
  const goals = result.goals.map((g) =>
    t('sandboxHall.goal', {
      amount: formatMoney(g.targetReal, lang),
      year: Math.round(g.month / 12),
      probability: formatPercent(g.probability, lang),
    }),
  )
  const first = result.goals[0]
  return {
    status,
    progress: undefined,
    detail: [...goals, t('sandboxHall.fanNote')],
    goalShort: first ? t('sandboxHall.goalShort', { probability: formatPercent(first.probability, lang) }) : undefined,
  }
}
