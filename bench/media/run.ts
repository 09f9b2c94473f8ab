/**
 * Media benchmark: `node --import tsx bench/media/run.ts [--quick]`.
 *
 * Builds the client, starts a real livekit-server and the Atrium server on loopback, and opens two headless Chromium
 * pages with fake microphones in one branch instance. The talker unmutes; the listener then leaves the atrium's media
 * room (travels to the auditorium) and comes back, ten times. Each time it measures, in the page, the time from the
 * start of joining `atrium-<instance>` (token request, connect, subscription by distance) to the first remote audio
 * level above silence, and reports the median against the bar (< 1.5 s). Also reports the listener page's main-thread
 * CPU (Chrome's TaskDuration over wall time) during the joins. Then the demo educator presents in the auditorium with
 * microphone and camera, and ten returns of the listener to the auditorium's room are timed to the first presenter
 * audio and the first video frame (bench/media/auditoriumJoins.ts; same bar). Last, the CPU of the server, of livekit-server and of the
 * listener's main thread with eight speakers talking within its hearing distance (bench/media/speakers.ts). Prints a table, writes bench/results/media-<timestamp>.json
 * and media-latest.json, and exits non-zero when the bar is missed.
 */
import type { ChildProcess } from 'node:child_process'

import type { Browser } from 'playwright-core'

import { enterBranch, enterSignedIn, launch, openPage } from '../../e2e/browser.ts'
import { startLivekit } from '../../scripts/livekit.mjs'
import { buildClient, startAppServer } from '../appServer.ts'
import { runBench } from '../runBench.ts'
import { median } from '../stats.ts'
import { presentInAuditorium, timeAuditoriumJoins } from './auditoriumJoins.ts'
import { timeBareJoins } from './bareJoins.ts'
import { SPEAKERS, speakerLoad } from './speakers.ts'
import { writeResults } from '../writeResults.ts'
// window.__atrium and window.__atriumMedia, installed with ?testhook
import type {} from '../../client/src/media/mediaTestHookTypes.ts'

const quick = process.argv.includes('--quick')
const JOINS = quick ? 3 : 10
const BAR_MS = 1500
/** RMS level counted as sound (the fake microphone's beep is far above it). */
const SILENCE = 0.001

const log = (line: string): void => void process.stderr.write(line + '\n')

let server: ChildProcess | undefined
let livekit: Awaited<ReturnType<typeof startLivekit>> | undefined
let browser: Browser | undefined

async function main(): Promise<number> {
  buildClient()
  livekit = await startLivekit({ build: true })
  const app = await startAppServer(livekit)
  server = app.child
  const { base } = app
  const educator = app.accounts.educator
  if (!educator) throw new Error('the server printed no demo educator')
  browser = await launch({ gpuCompositing: true })
  const talker = await openPage(browser)
  const listener = await openPage(browser)
  await enterSignedIn(talker.page, base, educator)
  await enterBranch(listener.page, base, 'Listener')
  for (const p of [talker.page, listener.page]) {
    await p.waitForFunction(() => window.__atriumMedia?.connected === true, undefined, { timeout: 30_000 })
  }
  await talker.page.click('#mic-toggle')
  await talker.page.waitForFunction(() => window.__atrium!.media.micEnabled, undefined, { timeout: 10_000 })
  const talkerId = await talker.page.evaluate(() => window.__atriumMedia!.identity)
  // warm-up: the listener hears the talker once before anything is measured
  await listener.page.waitForFunction(
    ([id, min]) => (window.__atrium!.media.remote[id as string]?.level ?? 0) > (min as number),
    [talkerId, SILENCE] as const,
    { timeout: 30_000 },
  )

  const cdp = await listener.page.context().newCDPSession(listener.page)
  await cdp.send('Performance.enable')
  const taskSeconds = async (): Promise<number> => {
    const { metrics } = await cdp.send('Performance.getMetrics')
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN
  }
  const cpu0 = await taskSeconds()
  const wall0 = Date.now()

  const joins: number[] = []
  const phaseLog: { total: number; connected: number; subscribed: number; token: number; connect: number }[] = []
  for (let i = 0; i < JOINS; i++) {
    // away to the auditorium's room, then back: each return is a fresh join of the atrium's room
    await listener.page.keyboard.press('Digit4')
    await listener.page.waitForFunction(() => window.__atriumMedia?.roomName?.startsWith('auditorium-') === true, {
      timeout: 30_000,
    })
    await listener.page.keyboard.press('Digit1')
    const phases = await listener.page.evaluate(
      ([id, min]) =>
        new Promise<{ total: number; connected: number; subscribed: number; token: number; connect: number }>(
          (resolve, reject) => {
            const t0 = performance.now()
            let connected = NaN
            let subscribed = NaN
            const timer = setInterval(() => {
              const m = window.__atriumMedia
              const here = m?.connected === true && m.roomName?.startsWith('atrium-') === true
              const remote = window.__atrium?.media.remote[id as string]
              if (here && Number.isNaN(connected)) connected = performance.now() - m.joinStartedAt
              if (here && remote?.subscribed && Number.isNaN(subscribed))
                subscribed = performance.now() - m.joinStartedAt
              if (here && (remote?.level ?? 0) > (min as number)) {
                clearInterval(timer)
                resolve({ total: performance.now() - m.joinStartedAt, connected, subscribed, ...m.joinPhases })
              } else if (performance.now() - t0 > 30_000) {
                clearInterval(timer)
                reject(new Error('no remote audio within 30 s'))
              }
            }, 20)
          },
        ),
      [talkerId, SILENCE] as const,
    )
    joins.push(phases.total)
    phaseLog.push(phases)
    log(
      `join ${i + 1}/${JOINS}: ${phases.total.toFixed(0)} ms ` +
        `(token ${phases.token.toFixed(0)}, connect ${phases.connect.toFixed(0)}, ` +
        `connected seen ${phases.connected.toFixed(0)}, subscribed ${phases.subscribed.toFixed(0)})`,
    )
  }
  const cpu = (await taskSeconds()) - cpu0
  const wallS = (Date.now() - wall0) / 1000
  const pageCpu = cpu / wallS

  const medianMs = median(joins)
  const bare = await timeBareJoins(browser, base, talkerId, JOINS, SILENCE, log)
  const bareMs = median(bare.map((j) => j.total))
  const presenterId = await presentInAuditorium(talker.page, listener.page, SILENCE)
  const stage = await timeAuditoriumJoins(listener.page, presenterId, JOINS, SILENCE, log)
  const stageAudioMs = median(stage.map((j) => j.audio))
  const stageVideoMs = median(stage.map((j) => j.video))
  // the speakers talk in the atrium: the listener goes back there (the presenter stays on stage)
  await listener.page.keyboard.press('Digit1')
  await listener.page.waitForFunction(
    () => window.__atriumMedia?.connected === true && window.__atriumMedia.roomName?.startsWith('atrium-') === true,
    undefined,
    { timeout: 30_000 },
  )
  const load = await speakerLoad(browser, base, listener.page, { server: server!.pid!, livekit: livekit.pid! }, log)
  const bars = [
    {
      name: `median join → first remote audio < ${BAR_MS} ms`,
      value: `${medianMs.toFixed(0)} ms`,
      pass: medianMs < BAR_MS,
    },
    {
      name: `median join → first remote audio, media path in a bare page < ${BAR_MS} ms`,
      value: `${bareMs.toFixed(0)} ms`,
      pass: bareMs < BAR_MS,
    },
    {
      name: `median join → first presenter audio (auditorium) < ${BAR_MS} ms`,
      value: `${stageAudioMs.toFixed(0)} ms`,
      pass: stageAudioMs < BAR_MS,
    },
    {
      name: `median join → first presenter video frame (auditorium) < ${BAR_MS} ms`,
      value: `${stageVideoMs.toFixed(0)} ms`,
      pass: stageVideoMs < BAR_MS,
    },
  ]
  console.log('media benchmark (loopback, headless Chromium, fake microphone)')
  console.log(`  joins: ${joins.map((j) => j.toFixed(0)).join(', ')} ms`)
  console.log(
    `  median ${medianMs.toFixed(0)} ms, min ${Math.min(...joins).toFixed(0)}, max ${Math.max(...joins).toFixed(0)}`,
  )
  console.log(
    `  media path in a bare page: ${bare.map((j) => j.total.toFixed(0)).join(', ')} ms, median ${bareMs.toFixed(0)} ms`,
  )
  console.log(
    `  auditorium (presenter with camera): median audio ${stageAudioMs.toFixed(0)} ms, ` +
      `video ${stageVideoMs.toFixed(0)} ms over ${stage.length} joins`,
  )
  console.log(`  listener page main-thread CPU during the joins: ${(pageCpu * 100).toFixed(0)}% of one core`)
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  console.log(`  CPU (share of one core)        quiet   ${SPEAKERS} speakers (${load.talking.subscribed} heard)`)
  for (const [name, key] of [
    ['Atrium server', 'server'],
    ['livekit-server', 'livekit'],
    ['listener page, main thread', 'listenerMainThread'],
  ] as const) {
    console.log(`  ${name.padEnd(30)} ${pct(load.quiet[key]).padStart(5)}   ${pct(load.talking[key]).padStart(5)}`)
  }
  for (const b of bars) console.log(`${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${b.value}`)
  const file = writeResults('media', {
    kind: 'media',
    at: new Date().toISOString(),
    quick,
    joinsMs: joins,
    phasesMs: phaseLog,
    medianMs,
    listenerPageCpu: pageCpu,
    bareJoinsMs: bare,
    bareMedianMs: bareMs,
    speakers: { count: SPEAKERS, ...load },
    auditoriumJoinsMs: stage,
    auditoriumMedianMs: { audio: stageAudioMs, video: stageVideoMs },
    note: 'join = from the start of joining atrium-<instance> (token, connect, subscription) to the first remote level above silence',
    external: [...talker.external, ...listener.external],
    bars,
  })
  log(`wrote ${file}`)
  return bars.every((b) => b.pass) ? 0 : 1
}

runBench('media', main, () => {
  void browser?.close()
  server?.kill('SIGTERM')
  void livekit?.stop()
})
