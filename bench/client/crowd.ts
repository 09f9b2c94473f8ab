import { resolveSecret, TokenService, newGuestId } from '../../server/src/services/tokens.ts'
import { Walker } from '../server/bot.ts'
import { LightClient } from '../server/lightClient.ts'

/** Headless visitors strolling around the atrium at 20 Hz, so the browser renders a full room. */
export async function startCrowd(port: number, dataDir: string, count: number) {
  const tokens = new TokenService(resolveSecret(undefined, dataDir))
  const bots: { client: LightClient; walker: Walker; placed: boolean }[] = []
  for (let i = 0; i < count; i++) {
    const { token } = await tokens.issueGuest({ id: newGuestId(), name: `Bot ${i + 1}`, look: i % 24, lang: 'en' })
    const client = new LightClient()
    await client.join(port, token, 'joinOrCreate', 'branch')
    bots.push({ client, walker: new Walker(i + 1), placed: false })
  }
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    const dt = (now - last) / 1000
    last = now
    for (const b of bots) {
      // start walking from where the server placed the visitor, or the first pose would be a jump
      if (!b.placed && b.client.placedAt) {
        b.walker.placeAt(b.client.placedAt.x, b.client.placedAt.z)
        b.placed = true
      }
      if (b.placed) b.client.sendPose(b.walker.step(dt))
    }
  }, 50)
  return {
    stop() {
      clearInterval(timer)
      for (const b of bots) b.client.close()
    },
  }
}
