import { z } from 'zod'

import { CHAT, NAME } from './constants.ts'
import { AVATAR_COLORS, AVATAR_SHAPES } from './looks.ts'
import { LANGS } from './i18nLangs.ts'
import { ZONE_IDS } from './zones.ts'

/** Messages a client sends to a branch room. */
export const C2S = {
  pose: 'pose',
  teleport: 'teleport',
  travel: 'travel',
  chat: 'chat',
  speaking: 'speaking',
} as const

/** Messages a branch room sends to clients (pose frames are bytes, see net/poseFrame.ts). */
export const S2C = {
  chat: 'chat',
  chatHistory: 'chatHistory',
  error: 'error',
  correction: 'correction',
  placed: 'placed',
  /** A {@link UserNotice} for this signed-in person. */
  notice: 'notice',
} as const

/** Where the server placed a joining visitor (spawn points are spread so avatars never overlap). */
export interface PlacedMsg {
  x: number
  z: number
  yaw: number
}

const finite = z.number().finite()
const coord = finite.min(-1000).max(1000)
const unit = finite.min(-1.01).max(1.01)

/** Position (x, y, z metres) followed by rotation (x, y, z, w). */
export const PoseTuple = z.tuple([coord, coord, coord, unit, unit, unit, unit])

/** Client pose: head and both hands in world space. Plausibility is checked by the room. */
export const PoseMsg = z.strictObject({ h: PoseTuple, l: PoseTuple, r: PoseTuple })
export type PoseMsg = z.infer<typeof PoseMsg>

export const TeleportMsg = z.strictObject({ x: coord, z: coord })
export type TeleportMsg = z.infer<typeof TeleportMsg>

export const TravelMsg = z.strictObject({ zone: z.enum(ZONE_IDS) })
export type TravelMsg = z.infer<typeof TravelMsg>

// C0/C1 controls and bidirectional overrides are removed so text cannot spoof or break layout.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g

/** Normalizes user text to plain, single-paragraph text. */
export function cleanText(s: string): string {
  return s.replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim()
}

/** Like cleanText, but keeps line breaks (at most one blank line in a row) for longer free text. */
export function cleanMultiline(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(UNSAFE_CHARS, '').replace(/\s+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export const ChatMsg = z.strictObject({
  text: z
    .string()
    .max(CHAT.maxLength * 2)
    .transform(cleanText)
    .pipe(z.string().min(1).max(CHAT.maxLength)),
})
export type ChatMsg = z.infer<typeof ChatMsg>

export const SpeakingMsg = z.strictObject({ speaking: z.boolean() })

/** Validators by client message name. */
export const C2SValidators = {
  [C2S.pose]: PoseMsg,
  [C2S.teleport]: TeleportMsg,
  [C2S.travel]: TravelMsg,
  [C2S.chat]: ChatMsg,
  [C2S.speaking]: SpeakingMsg,
} as const

/** A chat line as delivered to clients. `from` is the sender's pseudonymous id. */
export interface ChatLine {
  id: number
  from: string
  name: string
  text: string
  at: number
}

/** Error codes a room replies with; the client maps them to localized text. */
export const ROOM_ERRORS = [
  'invalid_message',
  'rate_limited',
  'implausible_move',
  'invalid_teleport',
  'forbidden',
  'unknown_message',
] as const
export type RoomErrorCode = (typeof ROOM_ERRORS)[number]

export interface RoomErrorMsg {
  code: RoomErrorCode
  /** The message type that caused it. */
  type: string
  message: string
}

export const DisplayName = z
  .string()
  .max(NAME.max * 4)
  .transform(cleanText)
  .pipe(z.string().min(NAME.min).max(NAME.max))

export const LookSchema = z.strictObject({
  color: z
    .number()
    .int()
    .min(0)
    .max(AVATAR_COLORS.length - 1),
  shape: z
    .number()
    .int()
    .min(0)
    .max(AVATAR_SHAPES.length - 1),
})

export const LangSchema = z.enum(LANGS)
