/// <reference types="node" />
/**
 * Reads knowledge bases from disk for tests and benchmarks (the engine itself never touches the file system).
 * Missing files throw: a test that needs the real knowledge base fails rather than skips when it is absent.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Lang } from '../../src/i18nLangs.ts'
import { parseKnowledge, type KnowledgeBase } from '../../src/host/knowledge.ts'

/** assets/knowledge in the repository. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../assets/knowledge/', import.meta.url))
/** The test fixture knowledge base (19 entries). */
export const FIXTURE_DIR = fileURLToPath(new URL('./fixtures/kb/', import.meta.url))

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))

/** The raw files of the real knowledge base: every entries/<topic>.json, synonyms.json and dictionary.json. */
export function readRealKnowledge(dir = KNOWLEDGE_DIR): { entries: unknown[]; synonyms: unknown; dictionary: unknown } {
  const files = readdirSync(join(dir, 'entries'))
    .filter((f) => f.endsWith('.json'))
    .sort()
  if (files.length === 0) throw new Error(`no entry files in ${join(dir, 'entries')}`)
  const entries = files.flatMap((f) => {
    const data = readJson(join(dir, 'entries', f))
    if (!Array.isArray(data)) throw new Error(`${f}: expected an array of entries`)
    return data as unknown[]
  })
  return { entries, synonyms: readJson(join(dir, 'synonyms.json')), dictionary: readJson(join(dir, 'dictionary.json')) }
}

/** The real knowledge base, validated. */
export function loadRealKnowledge(dir = KNOWLEDGE_DIR): KnowledgeBase {
  return parseKnowledge(readRealKnowledge(dir))
}

/** The fixture knowledge base, validated. */
export function loadFixtureKnowledge(): KnowledgeBase {
  return parseKnowledge({
    entries: readJson(join(FIXTURE_DIR, 'entries.json')) as unknown[],
    synonyms: readJson(join(FIXTURE_DIR, 'synonyms.json')),
    dictionary: readJson(join(FIXTURE_DIR, 'dictionary.json')),
  })
}

/** A question with the entry that answers it. */
export interface LabelledQuestion {
  q: string
  expect: string
}

/** The held-out set (measurement only: never used to tune anything). */
export function loadHeldout(dir = KNOWLEDGE_DIR): {
  inScope: Record<Lang, LabelledQuestion[]>
  outOfScope: Record<Lang, string[]>
} {
  const h = join(dir, 'heldout')
  return {
    inScope: {
      'zh-CN': readJson(join(h, 'zh-CN.json')) as LabelledQuestion[],
      en: readJson(join(h, 'en.json')) as LabelledQuestion[],
    },
    outOfScope: readJson(join(h, 'out-of-scope.json')) as Record<Lang, string[]>,
  }
}

/** Our own calibration set (fixtures/calibration.json): paraphrases of catalogue titles and out-of-scope lines. */
export function loadCalibration(): { inScope: Record<Lang, LabelledQuestion[]>; outOfScope: Record<Lang, string[]> } {
  return readJson(fileURLToPath(new URL('./fixtures/calibration.json', import.meta.url))) as {
    inScope: Record<Lang, LabelledQuestion[]>
    outOfScope: Record<Lang, string[]>
  }
}
