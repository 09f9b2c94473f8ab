/**
 * Host knowledge-engine benchmark: `node --import tsx bench/host/run.ts [--quick]`.
 *
 * Indexes 1,000 entries (the real knowledge base plus deterministic filler entries made of real and invented
 * words, so postings lists have realistic lengths), then asks 1,000 questions (the held-out set and paraphrase
 * variants of it: measurement only) through the full `ask` path: guardrails, intents, retrieval, the output
 * check. Reports the index build time and answer latency p50/p95/p99 (performance.now, after a warm-up), prints a
 * table, writes bench/results/host-<timestamp>.json and host-latest.json, and exits 1 when p95 > 5 ms.
 */
import { cpus, loadavg } from 'node:os'

import { createHostBrain } from '../../common/src/host/brain.ts'
import type { KnowledgeBase, KnowledgeEntry } from '../../common/src/host/knowledge.ts'
import type { Lang } from '../../common/src/i18nLangs.ts'
import { loadHeldout, loadRealKnowledge } from '../../common/test/host/loadKb.ts'
import { runBench } from '../runBench.ts'
import { percentile } from '../stats.ts'
import { writeResults } from '../writeResults.ts'

const quick = process.argv.includes('--quick')
const ENTRIES = 1000
const QUESTIONS = quick ? 300 : 1000
const WARMUP = quick ? 100 : 300
const ROUNDS = quick ? 1 : 3
const BAR_P95_MS = 5

/** mulberry32: a small seeded generator, so the filler is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Filler entries: real vocabulary mixed with invented words, in both languages, with the real entries' shape. */
function filler(kb: KnowledgeBase, count: number): KnowledgeEntry[] {
  const rnd = prng(20261129)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!
  const enWords = kb.entries.flatMap((e) => e.en.answer.split(/\W+/).filter((w) => w.length > 3))
  const zhChars = [...kb.entries.map((e) => e['zh-CN'].answer).join('')].filter((c) => /[\u4e00-\u9fff]/.test(c))
  const invented = (): string =>
    Array.from({ length: 3 + Math.floor(rnd() * 5) }, () => pick([...'bcdfgklmnprstvz'])).join('o')
  const en = (n: number): string =>
    Array.from({ length: n }, () => (rnd() < 0.6 ? pick(enWords) : invented())).join(' ')
  const zh = (n: number): string => Array.from({ length: n }, () => pick(zhChars)).join('')
  return Array.from({ length: count }, (_, i) => {
    const base = kb.entries[i % kb.entries.length]!
    return {
      ...base,
      id: `filler-${i}`,
      'zh-CN': { questions: Array.from({ length: 4 }, () => zh(6 + Math.floor(rnd() * 8))), answer: zh(80) },
      en: { questions: Array.from({ length: 4 }, () => en(5 + Math.floor(rnd() * 5))), answer: en(50) },
    }
  })
}

/** Held-out questions and variants of them (punctuation dropped, polite prefixes, different case). */
function questions(count: number): { q: string; lang: Lang }[] {
  const h = loadHeldout()
  const base = (['zh-CN', 'en'] as const).flatMap((lang) => [
    ...h.inScope[lang].map((x) => ({ q: x.q, lang })),
    ...h.outOfScope[lang].map((q) => ({ q, lang })),
  ])
  const variants = [
    (q: string, lang: Lang) => (lang === 'zh-CN' ? `请问${q}` : `Hi, ${q}`),
    (q: string) => q.replace(/[?？。.!！]/g, ''),
    (q: string, lang: Lang) => (lang === 'zh-CN' ? `${q}谢谢` : q.toUpperCase()),
  ]
  const out: { q: string; lang: Lang }[] = []
  for (let i = 0; out.length < count; i++) {
    const b = base[i % base.length]!
    const v = Math.floor(i / base.length)
    out.push({ q: v === 0 ? b.q : variants[(v - 1) % variants.length]!(b.q, b.lang), lang: b.lang })
  }
  return out
}

async function main(): Promise<number> {
  const real = loadRealKnowledge()
  const kb: KnowledgeBase = { ...real, entries: [...real.entries, ...filler(real, ENTRIES - real.entries.length)] }
  const builds: number[] = []
  let brain = createHostBrain(kb)
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now()
    brain = createHostBrain(kb)
    builds.push(performance.now() - t0)
  }
  const qs = questions(QUESTIONS)
  for (let i = 0; i < WARMUP; i++) brain.ask(qs[i % qs.length]!.q, { lang: qs[i % qs.length]!.lang })
  const lat: number[] = []
  const kinds: Record<string, number> = {}
  for (let round = 0; round < ROUNDS; round++) {
    for (const { q, lang } of qs) {
      const t0 = performance.now()
      const r = brain.ask(q, { lang })
      lat.push(performance.now() - t0)
      if (round === 0) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1
    }
  }
  lat.sort((a, b) => a - b)
  const result = {
    timestamp: new Date().toISOString(),
    quick,
    entries: kb.entries.length,
    realEntries: real.entries.length,
    questions: qs.length,
    rounds: ROUNDS,
    buildMs: Math.min(...builds),
    latencyMs: { p50: percentile(lat, 50), p95: percentile(lat, 95), p99: percentile(lat, 99), max: lat.at(-1)! },
    replyKinds: kinds,
    cpus: cpus().length,
    loadAverage: loadavg()[0],
    bars: [{ name: `ask p95 <= ${BAR_P95_MS} ms`, pass: percentile(lat, 95) <= BAR_P95_MS }],
  }
  console.log(
    `\nHost knowledge engine: ${result.entries} entries (${result.realEntries} real), ${qs.length} questions × ${ROUNDS}` +
      (quick ? ' (--quick: a smoke run)' : ''),
  )
  const f = (x: number): string => `${x.toFixed(3)} ms`
  console.table({
    'index build': { value: f(result.buildMs) },
    'ask p50': { value: f(result.latencyMs.p50) },
    'ask p95': { value: f(result.latencyMs.p95) },
    'ask p99': { value: f(result.latencyMs.p99) },
    'ask max': { value: f(result.latencyMs.max) },
  })
  console.log(`reply kinds: ${JSON.stringify(kinds)}`)
  for (const b of result.bars) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.name}`)
  writeResults('host', result, new Date(result.timestamp))
  return result.bars.every((b) => b.pass) ? 0 : 1
}

runBench('host', main)
