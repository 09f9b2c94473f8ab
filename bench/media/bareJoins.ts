/**
 * The media path alone: joins timed in a bare page (bench/media/lightEntry.ts) with the same token endpoint, LiveKit
 * room and subscription as the app, but no 3D scene competing for the page's main thread. Beside the full app's figure
 * it separates the media stack's latency from the cost of rendering the branch on the machine that runs the bench.
 */
import type { Browser } from 'playwright-core'

import { openLightPage } from './lightPage.ts'

/** Milliseconds from the start of one join (see lightEntry.ts `timeJoin`). */
export interface BareJoin {
  token: number
  connect: number
  subscribed: number
  total: number
}

/** Times `n` joins of the atrium's media room, each to the first sound of `talker`. */
export async function timeBareJoins(
  browser: Browser,
  base: string,
  talker: string,
  n: number,
  silence: number,
  log: (line: string) => void,
): Promise<BareJoin[]> {
  const page = await openLightPage(browser, base)
  const joins: BareJoin[] = []
  for (let i = 0; i < n; i++) {
    const j = await page.evaluate(
      ([id, min]) =>
        (window as unknown as { timeJoin: (n: string, t: string, s: number) => Promise<BareJoin> }).timeJoin(
          'Bare listener',
          id,
          min,
        ),
      [talker, silence] as const,
    )
    joins.push(j)
    log(
      `bare join ${i + 1}/${n}: ${j.total.toFixed(0)} ms (token ${j.token.toFixed(0)}, ` +
        `connect ${j.connect.toFixed(0)}, subscribed ${j.subscribed.toFixed(0)})`,
    )
  }
  await page.context().close()
  return joins
}
