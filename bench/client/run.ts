/**
 * Client benchmark: the production build in headless Chromium (software WebGL) with 99 headless
 * visitors walking the atrium, so the page renders a full 100-avatar room. Reports draw calls,
 * triangles and JS time per frame, and the initial JS download. Bars from the branch issue.
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

import { createAtriumServer } from '../../server/src/app.ts'
import { isolatedConfig } from '../../server/src/config.ts'
import { enterBranch, launch, openPage } from '../../e2e/browser.ts'
import { buildClient } from '../appServer.ts'
import { percentile } from '../stats.ts'
import { writeResults } from '../writeResults.ts'
import { startCrowd } from './crowd.ts'
import { initialJs } from './initialJs.ts'

const root = join(import.meta.dirname, '../..')
const quick = process.argv.includes('--quick')
const SAMPLE_S = quick ? 5 : 15
const BOTS = 99

buildClient()
const js = initialJs(join(root, 'dist/client'))

const dataDir = mkdtempSync(join(tmpdir(), 'atrium-bench-client-'))
const server = await createAtriumServer(isolatedConfig(dataDir, { staticDir: join(root, 'dist/client') }))
const port = await server.listen()
const crowd = await startCrowd(port, dataDir, BOTS)
const browser = await launch()
let result
try {
  const { page, external } = await openPage(browser)
  await enterBranch(page, `http://localhost:${port}/`, 'Bench')
  await page.waitForFunction((n) => window.__atrium!.remotes().length >= n, BOTS, { timeout: 60_000 })
  await page.waitForTimeout(3000)
  const samples: { calls: number; triangles: number }[] = []
  const t0 = Date.now()
  let frames: number[] = []
  while (Date.now() - t0 < SAMPLE_S * 1000) {
    await page.waitForTimeout(500)
    const r = await page.evaluate(() => window.__atrium!.render())
    samples.push({ calls: r.calls, triangles: r.triangles })
    frames = r.frameMs
  }
  const shownAvatars = await page.evaluate(() => window.__atrium!.remotes().length)
  mkdirSync(join(root, 'bench/results'), { recursive: true })
  await page.screenshot({ path: join(root, 'bench/results/client-latest.png') })
  result = {
    avatars: shownAvatars + 1,
    drawCallsMax: Math.max(...samples.map((s) => s.calls)),
    trianglesMax: Math.max(...samples.map((s) => s.triangles)),
    frameJsMs: { p50: percentile(frames, 50), p95: percentile(frames, 95), frames: frames.length },
    externalRequests: external.length,
  }
} finally {
  await browser.close()
  crowd.stop()
  await server.close()
}

const bars = [
  { name: '<= 60 draw calls with 100 avatars', pass: result.drawCallsMax <= 60, value: result.drawCallsMax },
  { name: '<= 300k triangles with 100 avatars', pass: result.trianglesMax <= 300_000, value: result.trianglesMax },
  { name: '<= 1.2 MB gzip initial JS', pass: js.gzip <= 1.2e6, value: js.gzip },
  { name: 'no request leaves localhost', pass: result.externalRequests === 0, value: result.externalRequests },
]
console.log('\nClient benchmark (headless Chromium, SwiftShader, 800x600, %d avatars)', result.avatars)
console.table({
  'draw calls (max)': result.drawCallsMax,
  'triangles (max)': result.trianglesMax,
  'JS per frame p50 (ms)': Number(result.frameJsMs.p50.toFixed(2)),
  'JS per frame p95 (ms)': Number(result.frameJsMs.p95.toFixed(2)),
  'initial JS gzip (KB)': Math.round(js.gzip / 1024),
})
for (const b of bars) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.value}`)
const out = { kind: 'client', at: new Date().toISOString(), quick, result, initialJs: js, bars }
writeResults('client', out)
process.exit(bars.every((b) => b.pass) ? 0 : 1)
