/**
 * The digital host's knowledge base: FAQ entries (assets/knowledge/entries/<topic>.json), synonym groups and the
 * Chinese domain dictionary, validated once when loaded. Pure: the caller reads the files and passes their JSON in,
 * so the same code runs in Node and in the browser.
 */
import { z } from 'zod'

import { HOST_TOPICS, type HostTopic } from './contract.ts'

/** A stable entry id: lowercase letters, digits, `_`, `-` and `.` (it travels in replies and the held-out set). */
const EntryId = z.string().regex(/^[a-z0-9][a-z0-9_.-]{1,79}$/, 'ids are 2–80 characters of a-z, 0-9, _ . -')

/** A calendar date written YYYY-MM-DD that really exists (2026-02-30 is refused). */
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
  }, 'not a real calendar date')

const Text = z.string().trim().min(1)

/** One language's side of an entry: the ways a visitor may ask, and the answer. */
const EntrySide = z.strictObject({
  questions: z.array(Text).min(1, 'at least one question per language'),
  answer: Text,
})

/** Product risk rating of the entry's subject; such answers carry a risk disclosure. */
export const KnowledgeRisk = z.enum(['R1', 'R2', 'R3', 'R4', 'R5'])

/** One FAQ entry, in both languages. */
export const KnowledgeEntrySchema = z.strictObject({
  id: EntryId,
  topic: z.enum(HOST_TOPICS),
  /** Team or person accountable for the wording. */
  owner: Text,
  /** Date the wording was last reviewed (compliance keeps it under a year old). */
  reviewed: IsoDate,
  risk: KnowledgeRisk.optional(),
  'zh-CN': EntrySide,
  en: EntrySide,
})
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>

/** Groups of interchangeable terms, languages mixed (e.g. ["理财", "wealth management"]). */
export const SynonymsSchema = z.array(z.array(Text).min(2, 'a synonym group needs two or more terms'))
/** Chinese terms the word segmenter must keep whole (e.g. 问卷, which ICU splits into 问 | 卷). */
export const DictionarySchema = z.array(Text)

/** A validated knowledge base. */
export interface KnowledgeBase {
  entries: KnowledgeEntry[]
  synonyms: string[][]
  dictionary: string[]
}

/** Thrown by parseKnowledge with every problem found, one per line. */
export class KnowledgeError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid knowledge base:\n  ${problems.join('\n  ')}`)
    this.name = 'KnowledgeError'
  }
}

function issues(where: string, error: z.ZodError): string[] {
  return error.issues.map((i) => `${where}${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`)
}

/**
 * Validates raw JSON into a knowledge base. Checks every entry (schema, topic, ≥ 1 question per language, a real
 * review date), unique ids and well-formed synonym and dictionary lists, and reports all problems at once.
 * @throws KnowledgeError listing each problem with the entry id (or index) it concerns.
 */
export function parseKnowledge(raw: { entries: unknown[]; synonyms: unknown; dictionary: unknown }): KnowledgeBase {
  const problems: string[] = []
  const entries: KnowledgeEntry[] = []
  const seen = new Set<string>()
  raw.entries.forEach((e, i) => {
    const id = typeof e === 'object' && e !== null && 'id' in e && typeof e.id === 'string' ? e.id : undefined
    const where = id === undefined ? `entries[${i}]` : `entry ${id}`
    const r = KnowledgeEntrySchema.safeParse(e)
    if (!r.success) return void problems.push(...issues(where, r.error))
    if (seen.has(r.data.id)) problems.push(`${where}: duplicate id`)
    seen.add(r.data.id)
    entries.push(r.data)
  })
  const synonyms = SynonymsSchema.safeParse(raw.synonyms)
  if (!synonyms.success) problems.push(...issues('synonyms', synonyms.error))
  const dictionary = DictionarySchema.safeParse(raw.dictionary)
  if (!dictionary.success) problems.push(...issues('dictionary', dictionary.error))
  if (entries.length === 0 && problems.length === 0) problems.push('entries: the knowledge base is empty')
  if (problems.length > 0 || !synonyms.success || !dictionary.success) throw new KnowledgeError(problems)
  return { entries, synonyms: synonyms.data, dictionary: dictionary.data }
}

/** Topics whose answers always carry a risk disclosure, whatever the entry's own `risk`. */
export const DISCLOSED_TOPICS: readonly HostTopic[] = ['wealth_products', 'suitability']

/** True when answers from this entry must carry the risk disclosure. */
export function needsDisclosure(entry: KnowledgeEntry): boolean {
  return entry.risk !== undefined || DISCLOSED_TOPICS.includes(entry.topic)
}

/** Whole days from `reviewed` (YYYY-MM-DD) to `asOf` (YYYY-MM-DD); negative when reviewed after asOf. */
export function daysSinceReview(reviewed: string, asOf: string): number {
  return Math.round((Date.parse(`${asOf}T00:00:00Z`) - Date.parse(`${reviewed}T00:00:00Z`)) / 86_400_000)
}
