/// <reference types="node" />
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { describe, expect, it } from 'vitest'

import { HOST_TOPICS } from '../../src/host/contract.ts'
import { daysSinceReview, KnowledgeError, parseKnowledge } from '../../src/host/knowledge.ts'
import { KNOWLEDGE_DIR, loadFixtureKnowledge, loadRealKnowledge } from './loadKb.ts'

/** Compliance reviews every entry at least yearly; checked against a fixed date so the test is reproducible. */
const REVIEW_AS_OF = '2026-11-29'

const good = () => structuredClone(loadFixtureKnowledge().entries[0]!) as Record<string, unknown>
const parse = (entries: unknown[]) => parseKnowledge({ entries, synonyms: [], dictionary: [] })
const problemsOf = (entries: unknown[]): string[] => {
  try {
    parse(entries)
    return []
  } catch (e) {
    if (e instanceof KnowledgeError) return e.problems
    throw e
  }
}

describe('knowledge validation', () => {
  it('accepts the fixture', () => {
    expect(loadFixtureKnowledge().entries.length).toBeGreaterThan(10)
  })

  it('reports duplicate ids, bad topics, missing questions and impossible dates, naming the entry', () => {
    const dup = good()
    const topic = { ...good(), id: 'x-topic', topic: 'weather' }
    const noQ = { ...good(), id: 'x-noq', en: { questions: [], answer: 'a' } }
    const date = { ...good(), id: 'x-date', reviewed: '2026-02-30' }
    const problems = problemsOf([good(), dup, topic, noQ, date])
    expect(problems.join('\n')).toMatch(/entry account-open-docs: duplicate id/)
    expect(problems.join('\n')).toMatch(/entry x-topic\.topic/)
    expect(problems.join('\n')).toMatch(/entry x-noq\.en\.questions: at least one question/)
    expect(problems.join('\n')).toMatch(/entry x-date\.reviewed: not a real calendar date/)
  })

  it('refuses unknown fields, malformed synonyms and an empty base', () => {
    expect(problemsOf([{ ...good(), extra: 1 }]).join()).toMatch(/extra|Unrecognized/)
    expect(() => parseKnowledge({ entries: [good()], synonyms: [['only one']], dictionary: [] })).toThrow(/synonyms/)
    expect(() => parse([])).toThrow(/empty/)
  })
})

describe('the real knowledge base (assets/knowledge)', () => {
  const kb = loadRealKnowledge()

  it('parses, with at least 150 entries covering every topic', () => {
    expect(kb.entries.length).toBeGreaterThanOrEqual(150)
    for (const t of HOST_TOPICS)
      expect(
        kb.entries.some((e) => e.topic === t),
        t,
      ).toBe(true)
  })

  it(`every entry was reviewed within 12 months of ${REVIEW_AS_OF}`, () => {
    const stale = kb.entries.filter((e) => {
      const days = daysSinceReview(e.reviewed, REVIEW_AS_OF)
      return days < 0 || days > 365
    })
    expect(stale.map((e) => `${e.id} (${e.reviewed})`)).toEqual([])
  })

  it('has an entry for every catalogue id and no other', () => {
    const catalog = JSON.parse(readFileSync(join(KNOWLEDGE_DIR, 'catalog.json'), 'utf8')) as { id: string }[]
    expect(kb.entries.map((e) => e.id).sort()).toEqual(catalog.map((c) => c.id).sort())
  })
})
