import { z } from 'zod'

import { AdvisorTopicSchema, type AdvisorTopic } from './queue.ts'

/** Slot and appointment ids (`sl_…`, `ap_…`), as path parameters. */
export const SlotId = z.string().regex(/^sl_[A-Za-z0-9_-]{8,32}$/, 'not a slot id')
export const AppointmentId = z.string().regex(/^ap_[A-Za-z0-9_-]{8,32}$/, 'not an appointment id')

/** Slot lengths an advisor can publish (minutes). */
export const SLOT_MINUTES = [15, 30, 45, 60] as const

/** Valid IANA time zone names only (the visitor's zone, kept for display; times are stored in UTC). */
export const TimeZoneSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_+\-/]+$/, 'not a time zone')
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz })
      return true
    } catch {
      return false
    }
  }, 'unknown time zone')

/** The furthest ahead a slot may be published or booked. */
export const MAX_BOOKING_AHEAD_MS = 90 * 24 * 60 * 60 * 1000

const epochMs = z.number().int().min(0).max(8_640_000_000_000)

/** POST /api/advisors/availability body: publish one slot (UTC milliseconds). */
export const PublishSlotRequest = z.strictObject({
  startsAt: epochMs,
  minutes: z.literal(SLOT_MINUTES),
  topics: z.array(AdvisorTopicSchema).min(1).max(4),
})
export type PublishSlotRequest = z.infer<typeof PublishSlotRequest>

/** GET /api/advisors/slots query: open slots in a window (default: the next 14 days). */
export const SlotQuery = z.strictObject({
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(0).optional(),
  topic: AdvisorTopicSchema.optional(),
})
export type SlotQuery = z.infer<typeof SlotQuery>

/** POST /api/advisors/appointments body. */
export const BookRequest = z.strictObject({
  slotId: SlotId,
  topic: AdvisorTopicSchema,
  timeZone: TimeZoneSchema,
})
export type BookRequest = z.infer<typeof BookRequest>

/** PATCH /api/advisors/appointments/:id body: move to another open slot. */
export const MoveRequest = z.strictObject({ slotId: SlotId })
export type MoveRequest = z.infer<typeof MoveRequest>

/** An open or booked slot. */
export interface SlotView {
  id: string
  advisor: { id: string; displayName: string }
  startsAt: number
  endsAt: number
  topics: AdvisorTopic[]
  booked: boolean
}

export type AppointmentStatus = 'booked' | 'cancelled' | 'started' | 'done'

/** An appointment as its customer or advisor sees it. */
export interface AppointmentView {
  id: string
  slotId: string
  advisor: { id: string; displayName: string }
  customer: { id: string; displayName: string }
  topic: AdvisorTopic
  startsAt: number
  endsAt: number
  /** The customer's IANA time zone, for display. */
  timeZone: string
  status: AppointmentStatus
  /** The advisory session once the advisor started it. */
  sessionReference: string | null
}

/** An in-app reminder: an appointment starting within the next 24 hours. */
export interface ReminderView {
  appointmentId: string
  startsAt: number
  timeZone: string
  advisorName: string
}
