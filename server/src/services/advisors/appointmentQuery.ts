import type { AdvisorTopic, AppointmentView } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'

/** Appointments with their slot times and both parties' display names. */
export function appointmentQuery(handle: AtriumDb) {
  return handle.db
    .selectFrom('advisor_appointments as a')
    .innerJoin('advisor_slots as s', 's.id', 'a.slot_id')
    .innerJoin('users as adv', 'adv.id', 'a.advisor_id')
    .innerJoin('users as cus', 'cus.id', 'a.customer_id')
    .select([
      'a.id',
      'a.slot_id',
      'a.advisor_id',
      'a.customer_id',
      'a.topic',
      'a.time_zone',
      'a.status',
      'a.session_reference',
      's.starts_at',
      's.ends_at',
      'adv.display_name as advisor_name',
      'cus.display_name as customer_name',
    ])
}

type AppointmentRow = Awaited<ReturnType<ReturnType<typeof appointmentQuery>['executeTakeFirstOrThrow']>>

/** The API view of an appointment row. */
export function toView(r: AppointmentRow): AppointmentView {
  return {
    id: r.id,
    slotId: r.slot_id,
    advisor: { id: r.advisor_id, displayName: r.advisor_name },
    customer: { id: r.customer_id, displayName: r.customer_name },
    topic: r.topic as AdvisorTopic,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    timeZone: r.time_zone,
    status: r.status,
    sessionReference: r.session_reference,
  }
}
