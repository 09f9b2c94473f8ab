// Copies pdf.js's character maps and standard font data from pdfjs-dist into the client's public folder, so that
// PDF slide decks (client/src/events/host/pdfSlides.ts) render in the browser without fetching anything from a
// CDN: the CMaps map the character codes of CJK PDFs whose fonts are not embedded, the standard fonts stand in for
// the 14 base PDF fonts when a PDF does not embed them.
import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dest = join(root, 'client/public/pdfjs')
let pkg
try {
  // resolved from the client workspace, which depends on pdfjs-dist (hoisted or not)
  pkg = dirname(createRequire(join(root, 'client/package.json')).resolve('pdfjs-dist/package.json'))
} catch {
  console.error('copy-pdfjs-assets: pdfjs-dist is missing; run npm install')
  process.exit(1)
}

// a fresh copy each time, so files of an older pdfjs-dist never linger beside the new ones
rmSync(dest, { recursive: true, force: true })
for (const dir of ['cmaps', 'standard_fonts']) {
  if (!existsSync(join(pkg, dir))) {
    console.error(`copy-pdfjs-assets: ${dir} is missing from pdfjs-dist`)
    process.exit(1)
  }
  cpSync(join(pkg, dir), join(dest, dir), { recursive: true })
}
const count = (dir) => readdirSync(join(dest, dir)).length
console.log(`copy-pdfjs-assets: ${count('cmaps')} CMaps and ${count('standard_fonts')} fonts in client/public/pdfjs`)
