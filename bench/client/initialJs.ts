import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

interface ManifestChunk {
  file: string
  isEntry?: boolean
  imports?: string[]
}

/** JS the browser must download before the first render: the entry chunk and its static imports. */
export function initialJs(distDir: string): { files: { file: string; bytes: number; gzip: number }[]; gzip: number } {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite/manifest.json'), 'utf8')) as Record<
    string,
    ManifestChunk
  >
  const seen = new Set<string>()
  const visit = (key: string) => {
    if (seen.has(key)) return
    seen.add(key)
    for (const i of manifest[key]?.imports ?? []) visit(i)
  }
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key)
  const files = [...seen].map((key) => {
    const file = manifest[key]!.file
    const data = readFileSync(join(distDir, file))
    return { file, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length }
  })
  return { files, gzip: files.reduce((a, f) => a + f.gzip, 0) }
}
