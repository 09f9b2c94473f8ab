import { z } from 'zod'

import { cleanMultiline, cleanText } from '../messages.ts'
import { EVENT_LIMITS } from './limits.ts'

/** An event id: `ev_` plus random characters (never derived from its title). */
export const EventId = z.string().regex(/^ev_[A-Za-z0-9_-]{8,32}$/, 'not an event id')

/** Who an event is for: one language or both. */
export const EVENT_LANGS = ['zh-CN', 'en', 'both'] as const
export type EventLang = (typeof EVENT_LANGS)[number]

/** Lifecycle of an event; `live` between the host's start and end. */
export const EVENT_STATUSES = ['scheduled', 'live', 'ended', 'cancelled'] as const
export type EventStatus = (typeof EVENT_STATUSES)[number]

/** Registration states; `waitlisted` and `pending` (awaiting approval) hold no seat. */
export const REGISTRATION_STATUSES = ['confirmed', 'waitlisted', 'pending', 'rejected', 'cancelled'] as const
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number]

const title = z
  .string()
  .max(EVENT_LIMITS.titleMax * 2)
  .transform(cleanText)
  .pipe(z.string().min(1).max(EVENT_LIMITS.titleMax))
const description = z
  .string()
  .max(EVENT_LIMITS.descriptionMax * 2)
  .transform(cleanMultiline)
  .pipe(z.string().max(EVENT_LIMITS.descriptionMax))

/** Text in zh-CN and/or en: at least one of the two. */
const Bilingual = <T extends z.ZodType>(s: T) =>
  z
    .strictObject({ 'zh-CN': s.optional(), en: s.optional() })
    .refine((v) => v['zh-CN'] !== undefined || v.en !== undefined, 'give the text in zh-CN or en')

const eventFields = {
  title: Bilingual(title),
  description: z.strictObject({ 'zh-CN': description.optional(), en: description.optional() }).default({}),
  /** Start, ms since the epoch. */
  startsAt: z.number().int().min(0).max(8_640_000_000_000),
  durationMinutes: z.number().int().min(5).max(EVENT_LIMITS.maxDurationMinutes),
  capacity: z.number().int().min(1).max(EVENT_LIMITS.maxCapacity),
  lang: z.enum(EVENT_LANGS),
  approvalRequired: z.boolean().default(false),
  /** Share of the event (0–1) an attendee must stay for a certificate. */
  minAttendance: z.number().min(0.1).max(1).default(0.8),
  /** The host records the event (attendees are asked for consent when they join). */
  recording: z.boolean().default(false),
}

/** POST /api/events body (educators). */
export const CreateEventRequest = z.strictObject(eventFields)
export type CreateEventRequest = z.infer<typeof CreateEventRequest>

/** PATCH /api/events/:id body: any of the create fields. */
export const UpdateEventRequest = z
  .strictObject({
    title: eventFields.title.optional(),
    description: z.strictObject({ 'zh-CN': description.optional(), en: description.optional() }).optional(),
    startsAt: eventFields.startsAt.optional(),
    durationMinutes: eventFields.durationMinutes.optional(),
    capacity: eventFields.capacity.optional(),
    lang: eventFields.lang.optional(),
    approvalRequired: z.boolean().optional(),
    minAttendance: z.number().min(0.1).max(1).optional(),
    recording: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change')
export type UpdateEventRequest = z.infer<typeof UpdateEventRequest>

/** POST /api/events/:id/registrations/:userId body (hosts approve or reject a pending registration). */
export const DecideRegistrationRequest = z.strictObject({ approve: z.boolean() })
export type DecideRegistrationRequest = z.infer<typeof DecideRegistrationRequest>

/** Text in both languages as stored; either may be missing. */
export type BilingualText = { 'zh-CN'?: string | undefined; en?: string | undefined }

/** An event as listed to visitors. */
export interface EventView {
  id: string
  hostId: string
  hostName: string
  title: BilingualText
  description: BilingualText
  startsAt: number
  durationMinutes: number
  capacity: number
  lang: EventLang
  approvalRequired: boolean
  minAttendance: number
  recording: boolean
  status: EventStatus
  /** Confirmed registrations (seats taken). */
  confirmed: number
  waitlisted: number
  /** Slide pages uploaded. */
  slides: number
  /** Bumped on every slide upload, so clients refetch. */
  slideVersion: number
}

/** The caller's registration for one event. */
export interface RegistrationView {
  eventId: string
  status: RegistrationStatus
  /** 1-based place on the waitlist, while waitlisted. */
  waitlistPosition: number | null
  updatedAt: number
}

/** A registration as the host sees it (display name and pseudonymous id only). */
export interface HostRegistrationView {
  userId: string
  name: string
  status: RegistrationStatus
  waitlistPosition: number | null
  createdAt: number
}

/** In-app reminder: a confirmed event starting soon, or a waitlist promotion. */
export interface EventReminder {
  eventId: string
  kind: 'starts_soon' | 'live' | 'promoted'
  startsAt: number
  title: BilingualText
}

/** One attendee's attendance summary (host view and certificate check). */
export interface AttendanceView {
  userId: string
  name: string
  /** Milliseconds present, summed over visits, clipped to the event's live span. */
  presentMs: number
  share: number
  quizScore: number | null
  quizTotal: number
  eligible: boolean
  visits: { joinedAt: number; leftAt: number | null }[]
}

/** GET /api/events/:id/certificate/status */
export interface CertificateStatus {
  eligible: boolean
  reason: 'ok' | 'not_ended' | 'not_registered' | 'too_short' | 'quiz_failed'
  share: number
  required: number
  quizScore: number | null
  quizTotal: number
}
