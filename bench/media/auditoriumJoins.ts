/**
 * The media benchmark's video figure: a signed-in educator presents in the auditorium with microphone and camera; the
 * listener leaves for the atrium and comes back, and each return (a fresh join of `auditorium-<instance>`, meeting
 * mode) is timed from the start of the join to the first remote audio level above silence and to the first remote
 * video frame drawn on the presenter's panel in the branch (what the listener sees), with the times the room
 * connected, the camera was subscribed and its element presented the first frame, to show where the time goes.
 */
import type { Page } from 'playwright-core'

// window.__atrium and window.__atriumMedia, installed with ?testhook
import type {} from '../../client/src/media/mediaTestHookTypes.ts'
import type {} from '../../client/src/scene/testHookTypes.ts'

/** One timed join: milliseconds after the join began. */
export interface AuditoriumJoin {
  audio: number
  /** The first frame drawn on the panel. */
  video: number
  connect: number
  cameraSubscribed: number
  /** The first frame presented by the (off-page) video element. */
  firstFrame: number
}

const inRoom = (page: Page, prefix: string) =>
  page.waitForFunction(
    (p) => window.__atriumMedia?.connected === true && window.__atriumMedia.roomName?.startsWith(p) === true,
    prefix,
    { timeout: 30_000 },
  )

/** Puts the presenter on stage with microphone and camera on, and waits until the listener sees and hears them. */
export async function presentInAuditorium(presenter: Page, listener: Page, silence: number): Promise<string> {
  for (const page of [presenter, listener]) {
    await page.keyboard.press('Digit4')
    await inRoom(page, 'auditorium-')
  }
  await presenter.locator('#camera-toggle').waitFor({ timeout: 15_000 })
  if ((await presenter.getAttribute('#mic-toggle', 'aria-pressed')) !== 'true') await presenter.click('#mic-toggle')
  await presenter.click('#camera-toggle')
  const id = await presenter.evaluate(() => window.__atriumMedia!.identity)
  await listener.waitForFunction(
    ([i, min]) =>
      (window.__atriumMedia!.cameras()[i as string]?.frames ?? 0) > 0 &&
      (window.__atrium!.media.remote[i as string]?.level ?? 0) > (min as number),
    [id, silence] as const,
    { timeout: 60_000 },
  )
  return id
}

/** The listener goes to the atrium and back `count` times; each return is timed in the page. */
export async function timeAuditoriumJoins(
  listener: Page,
  presenterId: string,
  count: number,
  silence: number,
  log: (line: string) => void,
): Promise<AuditoriumJoin[]> {
  const joins: AuditoriumJoin[] = []
  for (let i = 0; i < count; i++) {
    await listener.keyboard.press('Digit1')
    await inRoom(listener, 'atrium-')
    await listener.keyboard.press('Digit4')
    const join = await listener.evaluate(
      ([id, min]) =>
        new Promise<AuditoriumJoin>((resolve, reject) => {
          const t0 = performance.now()
          let audio = NaN
          let video = NaN
          const timer = setInterval(() => {
            const m = window.__atriumMedia
            if (m?.connected !== true || m.roomName?.startsWith('auditorium-') !== true) return
            const since = performance.now() - m.joinStartedAt
            if (Number.isNaN(audio) && (window.__atrium!.media.remote[id as string]?.level ?? 0) > (min as number))
              audio = since
            const cam = m.cameras()[id as string]
            if (Number.isNaN(video) && cam && !Number.isNaN(cam.drawnAt)) video = cam.drawnAt - m.joinStartedAt
            if (!Number.isNaN(audio) && !Number.isNaN(video)) {
              clearInterval(timer)
              resolve({
                audio,
                video,
                connect: m.joinPhases.connect,
                cameraSubscribed: cam!.subscribedAt - m.joinStartedAt,
                firstFrame: cam!.firstFrameAt - m.joinStartedAt,
              })
            } else if (performance.now() - t0 > 30_000) {
              clearInterval(timer)
              reject(new Error('no remote audio and video within 30 s'))
            }
          }, 20)
        }),
      [presenterId, silence] as const,
    )
    joins.push(join)
    log(
      `auditorium join ${i + 1}/${count}: audio ${join.audio.toFixed(0)} ms, video drawn ${join.video.toFixed(0)} ms ` +
        `(connected ${join.connect.toFixed(0)}, camera subscribed ${join.cameraSubscribed.toFixed(0)}, ` +
        `first frame decoded ${join.firstFrame.toFixed(0)})`,
    )
  }
  return joins
}
