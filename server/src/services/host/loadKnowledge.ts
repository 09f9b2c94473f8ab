import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The knowledge base shipped in the repository (assets/knowledge). */
export const DEFAULT_KNOWLEDGE_DIR = fileURLToPath(new URL('../../../../assets/knowledge/', import.meta.url))

/** Raw knowledge files, unvalidated: every entries/*.json concatenated, synonyms and dictionary. */
export interface RawKnowledge {
  entries: unknown[]
  synonyms: unknown
  dictionary: unknown
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'))
  } catch (e) {
    throw new Error(`knowledge file ${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** Reads the knowledge folder; validation is `parseKnowledge` in common (the same code the tests use). */
export function readKnowledge(dir: string = DEFAULT_KNOWLEDGE_DIR): RawKnowledge {
  const entriesDir = join(dir, 'entries')
  const entries: unknown[] = []
  for (const file of readdirSync(entriesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const list = readJson(join(entriesDir, file))
    if (!Array.isArray(list)) throw new Error(`knowledge file ${file} must hold an array of entries`)
    entries.push(...(list as unknown[]))
  }
  return { entries, synonyms: readJson(join(dir, 'synonyms.json')), dictionary: readJson(join(dir, 'dictionary.json')) }
}
