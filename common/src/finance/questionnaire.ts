/**
 * Risk profile questionnaire (zh-CN and en) from assets/finance/risk-questionnaire.json, scored to a customer risk
 * category C1–C5. Some answers cap the category (e.g. "no loss at all" caps at C1). A result is valid for the
 * questionnaire's `validityMonths` (12) and must then be renewed (finance.md §7).
 */
import { z } from 'zod'

import questionnaireFile from '../../../assets/finance/risk-questionnaire.json' with { type: 'json' }
import { DataId, describeIssues, FinanceDataError, LocalizedText } from './text.ts'

/** Customer risk categories, lowest risk tolerance first (finance.md §5). */
export const RISK_CATEGORIES = ['C1', 'C2', 'C3', 'C4', 'C5'] as const
export type RiskCategory = (typeof RISK_CATEGORIES)[number]
/** Validates a customer risk category. */
export const RiskCategorySchema = z.enum(RISK_CATEGORIES)

/** The five areas every questionnaire must cover (finance.md §7). */
export const QUESTION_SECTIONS = [
  'financialSituation',
  'knowledgeExperience',
  'objectivesHorizon',
  'riskTolerance',
  'capacityForLoss',
] as const

const OptionSchema = z.strictObject({
  id: DataId,
  text: LocalizedText,
  score: z.number().int().min(0).max(100),
  /** Choosing this answer limits the category to at most `cap`. */
  cap: RiskCategorySchema.optional(),
})

/** The questionnaire file format. */
export const QuestionnaireSchema = z.strictObject({
  version: z.int().min(1),
  id: DataId,
  validityMonths: z.int().min(1).max(36),
  source: z.string(),
  title: LocalizedText,
  purpose: LocalizedText,
  sections: z.array(z.strictObject({ id: z.enum(QUESTION_SECTIONS), title: LocalizedText })),
  questions: z
    .array(
      z.strictObject({
        id: DataId,
        section: z.enum(QUESTION_SECTIONS),
        text: LocalizedText,
        options: z.array(OptionSchema).min(2),
      }),
    )
    .min(1),
  categories: z
    .array(z.strictObject({ category: RiskCategorySchema, minScore: z.number().int().min(0), name: LocalizedText }))
    .length(RISK_CATEGORIES.length),
})
export type Questionnaire = z.infer<typeof QuestionnaireSchema>

/** Chosen option id per question id. */
export const AnswersSchema = z.record(DataId, DataId)
export type Answers = z.infer<typeof AnswersSchema>

/** A scored questionnaire: what is shown to the customer and recorded. Dates are ISO 8601 (UTC). */
export const RiskAssessmentSchema = z.strictObject({
  questionnaireId: DataId,
  questionnaireVersion: z.int(),
  answers: AnswersSchema,
  score: z.number(),
  maxScore: z.number(),
  /** Category from the score alone, before caps. */
  scoreCategory: RiskCategorySchema,
  category: RiskCategorySchema,
  caps: z.array(z.strictObject({ questionId: DataId, cap: RiskCategorySchema })),
  assessedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
})
export type RiskAssessment = z.infer<typeof RiskAssessmentSchema>

/** Validates a questionnaire file: schema, unique ids, every section asked, categories ascending from 0. */
export function loadQuestionnaire(json: unknown, file = 'risk questionnaire'): Questionnaire {
  const parsed = QuestionnaireSchema.safeParse(json)
  if (!parsed.success) throw new FinanceDataError(describeIssues(file, parsed.error))
  const q = parsed.data
  const ids = q.questions.map((x) => x.id)
  const dup = ids.find((id, i) => ids.indexOf(id) !== i)
  if (dup) throw new FinanceDataError(`${file}: question "${dup}" appears twice`)
  for (const question of q.questions) {
    const opts = question.options.map((o) => o.id)
    if (new Set(opts).size !== opts.length) throw new FinanceDataError(`${file}: duplicate option in "${question.id}"`)
  }
  const missing = QUESTION_SECTIONS.filter((s) => !q.questions.some((x) => x.section === s))
  if (missing.length) throw new FinanceDataError(`${file}: no questions for ${missing.join(', ')}`)
  const ordered = q.categories.every((c, i) => c.category === RISK_CATEGORIES[i])
  const ascending = q.categories.every((c, i) => i === 0 || c.minScore > q.categories[i - 1]!.minScore)
  if (!ordered || !ascending || q.categories[0]!.minScore !== 0) {
    throw new FinanceDataError(`${file}: categories must be C1..C5 with minScore rising from 0`)
  }
  return q
}

/** The shipped questionnaire, validated when this module loads. */
export const DEFAULT_QUESTIONNAIRE: Questionnaire = loadQuestionnaire(
  questionnaireFile,
  'assets/finance/risk-questionnaire.json',
)

/** `date` plus `months` calendar months in UTC, clamped to the end of a shorter month (31 Jan + 1 = 28/29 Feb). */
export function addMonthsUtc(date: Date, months: number): Date {
  const y = date.getUTCFullYear()
  const m = date.getUTCMonth() + months
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate()
  const d = new Date(date.getTime())
  d.setUTCFullYear(y, m, Math.min(date.getUTCDate(), lastDay))
  return d
}

/**
 * Scores `answers` (one option per question) at time `now`. The score maps to the highest category whose
 * `minScore` it reaches; then the lowest cap among the chosen answers applies. Throws FinanceDataError when a
 * question is unanswered or an option is unknown.
 */
export function assessRisk(
  q: Questionnaire,
  answers: Answers,
  now: Date | number | string = Date.now(),
): RiskAssessment {
  const problems: string[] = []
  let score = 0
  let maxScore = 0
  const caps: { questionId: string; cap: RiskCategory }[] = []
  for (const question of q.questions) {
    maxScore += Math.max(...question.options.map((o) => o.score))
    const chosen = question.options.find((o) => o.id === answers[question.id])
    if (!chosen) {
      problems.push(
        answers[question.id] === undefined
          ? `"${question.id}" unanswered`
          : `"${question.id}" has no option "${answers[question.id]}"`,
      )
      continue
    }
    score += chosen.score
    if (chosen.cap) caps.push({ questionId: question.id, cap: chosen.cap })
  }
  const unknown = Object.keys(answers).filter((id) => !q.questions.some((x) => x.id === id))
  if (unknown.length) problems.push(`unknown questions: ${unknown.join(', ')}`)
  if (problems.length) throw new FinanceDataError(`incomplete questionnaire: ${problems.join('; ')}`)
  const scoreCategory = [...q.categories].reverse().find((c) => score >= c.minScore)!.category
  const rank = (c: RiskCategory) => RISK_CATEGORIES.indexOf(c)
  const category = caps.reduce<RiskCategory>((c, x) => (rank(x.cap) < rank(c) ? x.cap : c), scoreCategory)
  const assessedAt = new Date(now)
  if (Number.isNaN(assessedAt.getTime())) throw new FinanceDataError(`invalid assessment time: ${String(now)}`)
  return {
    questionnaireId: q.id,
    questionnaireVersion: q.version,
    answers: { ...answers },
    score,
    maxScore,
    scoreCategory,
    category,
    caps,
    assessedAt: assessedAt.toISOString(),
    expiresAt: addMonthsUtc(assessedAt, q.validityMonths).toISOString(),
  }
}

/** True while `now` is before the assessment's expiry. */
export function isAssessmentValid(
  a: Pick<RiskAssessment, 'expiresAt'>,
  now: Date | number | string = Date.now(),
): boolean {
  return new Date(now).getTime() < Date.parse(a.expiresAt)
}

/** Localized name of a category (e.g. C3 → 稳健型 / Balanced). */
export function categoryName(q: Questionnaire, category: RiskCategory): LocalizedText {
  return q.categories.find((c) => c.category === category)!.name
}
