import type {
  AdvisorTopic,
  AdvisorySessionView,
  AppointmentView,
  ComplaintStatusView,
  CustomerContextView,
  FollowUpView,
  InboxView,
  InviteView,
  Lang,
  QueueEntryView,
  QueueStatus,
  SlotView,
  SummaryRequest,
} from '@atrium/common'

import { apiFetch, freshAccessToken } from '../auth/apiFetch.ts'

/** The console's live picture (GET /api/advisors/console). */
export interface ConsoleView {
  queue: QueueEntryView[]
  appointments: AppointmentView[]
  sessions: AdvisorySessionView[]
  followUps: FollowUpView[]
}

const json = { method: 'POST' } as const

/** Typed calls to the live-advisor endpoints (see server/src/http/routes/advisorRoutes.ts). */
export const advisorApi = {
  joinQueue: (topic: AdvisorTopic, lang: Lang) =>
    apiFetch<QueueStatus>('/api/advisors/queue', { ...json, body: { topic, lang } }),
  queueStatus: () => apiFetch<QueueStatus>('/api/advisors/queue/me'),
  leaveQueue: () => apiFetch<QueueStatus>('/api/advisors/queue/me', { method: 'DELETE' }),
  slots: () => apiFetch<{ slots: SlotView[] }>('/api/advisors/slots'),
  book: (slotId: string, topic: AdvisorTopic, timeZone: string) =>
    apiFetch<AppointmentView>('/api/advisors/appointments', { ...json, body: { slotId, topic, timeZone } }),
  move: (id: string, slotId: string) =>
    apiFetch<AppointmentView>(`/api/advisors/appointments/${id}`, { method: 'PATCH', body: { slotId } }),
  cancel: (id: string) => apiFetch<void>(`/api/advisors/appointments/${id}`, { method: 'DELETE' }),
  appointments: () => apiFetch<{ appointments: AppointmentView[] }>('/api/advisors/appointments'),
  inbox: () => apiFetch<InboxView>('/api/advisors/inbox'),
  activeSession: () => apiFetch<{ session: AdvisorySessionView | null }>('/api/advisors/sessions/active'),
  rate: (reference: string, stars: number, comment: string) =>
    apiFetch<void>(`/api/advisors/sessions/${reference}/rating`, { ...json, body: { stars, comment } }),
  invite: (reference: string) => apiFetch<InviteView>(`/api/advisors/sessions/${reference}/invites`, json),
  redeem: (code: string) =>
    apiFetch<{ reference: string }>('/api/advisors/invites/redeem', { ...json, body: { code } }),
  complain: (text: string, lang: Lang, sessionReference?: string) =>
    apiFetch<ComplaintStatusView>('/api/advisors/complaints', {
      ...json,
      body: {
        text,
        lang,
        source: sessionReference ? 'summary' : 'menu',
        ...(sessionReference && { sessionReference }),
      },
    }),
  myComplaints: () => apiFetch<{ complaints: ComplaintStatusView[] }>('/api/advisors/complaints/mine'),
  // the console
  console: () => apiFetch<ConsoleView>('/api/advisors/console'),
  accept: (reference: string) =>
    apiFetch<{ session: AdvisorySessionView }>(`/api/advisors/queue/${reference}/accept`, json),
  acceptNext: () => apiFetch<{ session: AdvisorySessionView | null }>('/api/advisors/queue/accept-next', json),
  decline: (reference: string) => apiFetch<void>(`/api/advisors/queue/${reference}/decline`, json),
  start: (id: string) => apiFetch<{ session: AdvisorySessionView }>(`/api/advisors/appointments/${id}/start`, json),
  mySlots: () => apiFetch<{ slots: SlotView[] }>('/api/advisors/availability'),
  publish: (startsAt: number, minutes: number, topics: AdvisorTopic[]) =>
    apiFetch<SlotView>('/api/advisors/availability', { ...json, body: { startsAt, minutes, topics } }),
  withdraw: (slotId: string) => apiFetch<void>(`/api/advisors/availability/${slotId}`, { method: 'DELETE' }),
  context: (reference: string) => apiFetch<CustomerContextView>(`/api/advisors/sessions/${reference}/context`),
  note: (reference: string, text: string) =>
    apiFetch<void>(`/api/advisors/sessions/${reference}/notes`, { ...json, body: { text } }),
  followUp: (reference: string, text: string, dueAt: number) =>
    apiFetch<FollowUpView>(`/api/advisors/sessions/${reference}/followups`, { ...json, body: { text, dueAt } }),
  summarize: (reference: string, body: SummaryRequest) =>
    apiFetch<unknown>(`/api/advisors/sessions/${reference}/summary`, { ...json, body }),
}

/** Downloads an appointment's .ics file (the endpoint needs the bearer token, so a plain link would not do). */
export async function downloadIcs(appointmentId: string): Promise<void> {
  const token = await freshAccessToken()
  const res = await fetch(`/api/advisors/appointments/${appointmentId}/ics`, {
    headers: { authorization: `Bearer ${token}` },
    cache: 'no-store',
  })
  if (!res.ok) throw new Error(`calendar file: ${res.status}`)
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = `atrium-${appointmentId}.ics`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
