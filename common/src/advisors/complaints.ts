import { z } from 'zod'

import { LangSchema, cleanMultiline } from '../messages.ts'
import { AdvisoryReference } from './queue.ts'

/** Complaint references (`C-XXXXXXXX`), the host's format. */
export const ComplaintReference = z.string().regex(/^C-[A-Z2-9]{8}$/)

/** Where a complaint was raised. */
export const COMPLAINT_SOURCES = ['summary', 'host', 'menu'] as const
export type ComplaintSource = (typeof COMPLAINT_SOURCES)[number]

/** POST /api/advisors/complaints body. */
export const ComplaintRequest = z.strictObject({
  text: z.string().max(4000).transform(cleanMultiline).pipe(z.string().min(1).max(2000)),
  lang: LangSchema,
  source: z.enum(['summary', 'menu']),
  /** The session the complaint concerns (from a summary). */
  sessionReference: AdvisoryReference.optional(),
})
export type ComplaintRequest = z.infer<typeof ComplaintRequest>

/** POST /api/advisors/complaints/:ref/respond body: the first response to the customer. */
export const ComplaintResponseRequest = z.strictObject({
  text: z.string().max(4000).transform(cleanMultiline).pipe(z.string().min(1).max(2000)),
})

/** Complaint state as the customer sees it. */
export type ComplaintStatus = 'open' | 'escalated' | 'answered'

export interface ComplaintStatusView {
  reference: string
  source: ComplaintSource
  status: ComplaintStatus
  text: string
  createdAt: number
  /** First-response deadline (24 h after filing). */
  dueAt: number
  escalatedAt: number | null
  response: string | null
  respondedAt: number | null
  sessionReference: string | null
}

/** Complaint as staff see it: also who it was escalated to. */
export interface StaffComplaintView extends ComplaintStatusView {
  customerId: string
  /** The advisor of the session concerned, when there is one. */
  advisorId: string | null
  escalatedTo: string | null
  overdue: boolean
}

/** PUT /api/admin/advisors/:id/supervisor body: puts an advisor in a supervisor's team (null: no team). */
export const SetSupervisorRequest = z.strictObject({
  supervisorId: z
    .string()
    .regex(/^u_[A-Za-z0-9_-]{8,32}$/)
    .nullable(),
})
export type SetSupervisorRequest = z.infer<typeof SetSupervisorRequest>
