import { z } from 'zod'

import { cleanText } from '../messages.ts'
import { AdvisoryReference } from './queue.ts'

/** Join options of the `suite` room: which session. The token travels as the auth token. */
export const SuiteJoinOptions = z.strictObject({ reference: AdvisoryReference })
export type SuiteJoinOptions = z.infer<typeof SuiteJoinOptions>

/** Client → suite room messages. */
export const SUITE_C2S = { wall: 'wall' } as const

/** Suite room → client messages. */
export const SUITE_S2C = { error: 'error', ended: 'ended' } as const

/** Puts a document or screen on the wall, turns its page, or clears it (`none`). */
export const SuiteWallMsg = z.strictObject({
  kind: z.enum(['none', 'document', 'screen']),
  title: z.string().max(240).transform(cleanText).pipe(z.string().max(120)),
  page: z.number().int().min(1).max(999),
})
export type SuiteWallMsg = z.infer<typeof SuiteWallMsg>

/** Validators by message type, for the room's message table. */
export const SuiteValidators = { [SUITE_C2S.wall]: SuiteWallMsg } as const

/** Close code when the advisory session ends (the summary was sent). */
export const CLOSE_SUITE_ENDED = 4410
