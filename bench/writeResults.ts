import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const RESULTS = fileURLToPath(new URL('./results/', import.meta.url))

/** Writes `bench/results/<kind>-<timestamp>.json` and `<kind>-latest.json`; returns the first path. */
export function writeResults(kind: string, result: unknown, at: Date = new Date()): string {
  mkdirSync(RESULTS, { recursive: true })
  const json = JSON.stringify(result, null, 2) + '\n'
  const file = `${RESULTS}${kind}-${at.toISOString().replace(/[:.]/g, '-')}.json`
  writeFileSync(file, json)
  writeFileSync(`${RESULTS}${kind}-latest.json`, json)
  return file
}
