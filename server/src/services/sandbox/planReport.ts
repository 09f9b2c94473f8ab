import {
  DEFAULT_ASSUMPTIONS,
  DEFAULT_PRODUCTS,
  riskLevelName,
  simulate,
  stressTestPlan,
  toSimulationPlan,
  type Lang,
  type PlanSuitabilityCheck,
  type SandboxPlanData,
} from '@atrium/common'

import type { PdfBlock, PdfSpec } from '../pdf/renderPdf.ts'
import { reportText } from './reportText.ts'

/** Paths simulated for a report: enough for stable percentiles, quick enough for a request. */
export const REPORT_PATHS = 1000

/** What a report shows besides the plan itself. */
export interface PlanReportInput {
  name: string
  data: SandboxPlanData
  lang: Lang
  /** The owner's suitability check now; undefined for a plan without holdings. */
  check: PlanSuitabilityCheck | undefined
  /** When the owner confirmed this check's warning, if they did. */
  confirmedAt?: number | undefined
  now?: number
}

/**
 * The one-page plan report: allocation, risk and suitability, a projection run here with the plan's own seed
 * (so it matches the panel's figures at the same path count), stress replays, the assumptions and the disclosures.
 */
export function planReportSpec(input: PlanReportInput): PdfSpec {
  const { data, lang } = input
  const t = (key: string, values?: Record<string, string | number>) => reportText(lang, key, values)
  const money = (v: number) =>
    new Intl.NumberFormat(lang, {
      style: 'currency',
      currency: DEFAULT_ASSUMPTIONS.currency,
      maximumFractionDigits: 0,
    }).format(v)
  const pct = (v: number, digits = 1) =>
    new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: digits }).format(v)
  const day = (v: number | string) => new Date(v).toISOString().slice(0, 10)
  const today = day(input.now ?? Date.now())

  const plan = toSimulationPlan(data)
  const result = simulate(plan, DEFAULT_ASSUMPTIONS, { seed: data.seed, paths: REPORT_PATHS })
  const classes = DEFAULT_ASSUMPTIONS.assetClasses.filter((a) => (data.allocation[a.id] ?? 0) > 0)

  const stress = stressTestPlan({ initialWealth: plan.initialWealth, allocation: plan.allocation })
  const overview: PdfBlock = {
    kind: 'columns',
    columns: [
      [
        { kind: 'heading', text: t('allocation') },
        {
          kind: 'table',
          columns: [
            { header: t('assetClass'), width: 3 },
            { header: t('weight'), align: 'right' },
            { header: t('expReturn'), align: 'right' },
            { header: t('volatility'), align: 'right' },
          ],
          rows: classes.map((a) => [
            a.name[lang],
            `${data.allocation[a.id] ?? 0}%`,
            pct(a.expectedReturn),
            pct(a.volatility),
          ]),
        },
      ],
      [
        { kind: 'heading', text: t('stress') },
        {
          kind: 'table',
          columns: [
            { header: t('scenario'), width: 2.2 },
            { header: t('loss'), align: 'right', width: 1.6 },
            { header: t('recovery'), align: 'right', width: 1.4 },
          ],
          rows: stress.map((s) => [
            s.name[lang],
            `${money(s.loss)} (${pct(s.lossFraction)})`,
            s.recoveryMonths === null
              ? t('never')
              : s.recoveryMonths === 0
                ? t('none')
                : t('months', { n: s.recoveryMonths }),
          ]),
        },
      ],
    ],
  }

  const blocks: PdfBlock[] = [
    { kind: 'title', text: input.name },
    { kind: 'paragraph', text: t('subtitle', { date: today }), tone: 'muted' },
    overview,
    { kind: 'heading', text: t('risk') },
    ...riskBlocks(input, t, day),
    { kind: 'heading', text: t('projection') },
    {
      kind: 'paragraph',
      text: t('inputs', {
        initial: money(data.inputs.initial),
        monthly: money(data.inputs.monthly),
        years: data.inputs.years,
        goal: money(data.inputs.goalAmount),
        goalYear: data.inputs.goalYear,
      }),
    },
  ]

  // a few horizons: year 1, every fifth year, and the end
  const horizons = [...new Set([1, 5, 10, 20, 30, data.inputs.years])].filter((y) => y <= data.inputs.years)
  const bands = result.bands.real
  blocks.push({
    kind: 'table',
    columns: [
      { header: t('year') },
      ...(['p10', 'p25', 'p50', 'p75', 'p90'] as const).map((p) => ({
        header: p.toUpperCase(),
        align: 'right' as const,
      })),
    ],
    rows: horizons.map((y) => {
      const i = result.months.indexOf(y * 12)
      return [String(y), ...(['p10', 'p25', 'p50', 'p75', 'p90'] as const).map((p) => money(bands[p][i] ?? 0))]
    }),
  })
  const goal = result.goals[0]
  blocks.push({
    kind: 'paragraph',
    text: goal
      ? t('goal', { goal: money(goal.targetReal), goalYear: goal.month / 12, probability: pct(goal.probability) })
      : t('noGoal'),
  })
  blocks.push({
    kind: 'paragraph',
    text: t('medianEnd', { years: data.inputs.years, amount: money(bands.p50.at(-1) ?? 0) }),
  })

  blocks.push(
    { kind: 'heading', text: t('assumptions') },
    {
      kind: 'paragraph',
      small: true,
      text: `${DEFAULT_ASSUMPTIONS.illustrative ? t('illustrative', { currency: DEFAULT_ASSUMPTIONS.currency }) + ' ' : ''}${t('method', { inflation: pct(DEFAULT_ASSUMPTIONS.inflation), paths: REPORT_PATHS, seed: data.seed })}`,
    },
    { kind: 'heading', text: t('disclosures') },
    { kind: 'paragraph', text: t('hypothetical'), tone: 'warning' },
  )
  return {
    title: input.name,
    lang,
    subject: t('subtitle', { date: today }),
    blocks,
    footer: t('footer', { date: today }),
  }
}

function riskBlocks(
  input: PlanReportInput,
  t: (key: string, values?: Record<string, string | number>) => string,
  day: (v: number | string) => string,
): PdfBlock[] {
  const { check, lang } = input
  if (!check) return [{ kind: 'paragraph', text: t('missing') }]
  const out: PdfBlock[] = [
    {
      kind: 'paragraph',
      text: t('riskLevel', { risk: check.risk, name: riskLevelName(DEFAULT_PRODUCTS, check.risk)[lang] }),
    },
  ]
  if (check.status === 'missing') out.push({ kind: 'paragraph', text: t('missing') })
  if (check.status === 'suitable')
    out.push({ kind: 'paragraph', text: t('suitable', { category: check.category ?? '' }) })
  if (check.warning && (check.status === 'mismatch' || check.status === 'expired'))
    out.push({ kind: 'paragraph', text: check.warning[lang], tone: 'warning' })
  if (check.assessedAt)
    out.push({ kind: 'paragraph', text: t('questionnaire', { date: day(check.assessedAt) }), tone: 'muted' })
  if (input.confirmedAt)
    out.push({ kind: 'paragraph', text: t('confirmed', { date: day(input.confirmedAt) }), tone: 'muted' })
  return out
}
