import { randomBytes } from 'node:crypto'

import type {
  BilingualText,
  CreateEventRequest,
  EventLang,
  EventStatus,
  EventView,
  UpdateEventRequest,
} from '@atrium/common'
import { sql, type Selectable } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import type { EventsTable } from '../../db/eventTables.ts'
import { authorize, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import { NotFound } from '../privacy/StaffAccess.ts'

/** A refused change of an event's lifecycle (e.g. editing a cancelled event): HTTP 409. */
export class EventStateError extends Error {}

export type EventRow = Selectable<EventsTable>

/** How long after its scheduled end a never-ended event still counts as "live" for joining. */
const LATE_GRACE_MS = 60 * 60 * 1000

/** Scheduling of education events: create, edit, cancel, start and end, and the public listing. */
export class EventService {
  constructor(
    private readonly handle: AtriumDb,
    private readonly audit: AuditLog,
  ) {}

  private get db() {
    return this.handle.db
  }

  async create(who: Principal, req: CreateEventRequest): Promise<EventView> {
    authorize(who, 'events.create')
    const id = `ev_${randomBytes(12).toString('base64url')}`
    const now = Date.now()
    await this.db
      .insertInto('events')
      .values({
        id,
        host_id: who.id,
        title: JSON.stringify(req.title),
        description: JSON.stringify(req.description),
        starts_at: req.startsAt,
        duration_min: req.durationMinutes,
        capacity: req.capacity,
        lang: req.lang,
        approval: req.approvalRequired ? 1 : 0,
        min_attendance: req.minAttendance,
        recording: req.recording ? 1 : 0,
        status: 'scheduled',
        live_at: null,
        ended_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await this.audit.append({ actor: who, action: 'event.changed', subjectId: id, detail: { op: 'create' } })
    return this.view(id)
  }

  /** Edits an event; the caller fills freed seats afterwards (capacity may have grown). */
  async update(who: Principal, id: string, req: UpdateEventRequest): Promise<void> {
    const row = await this.row(id)
    authorize(who, 'events.manage', { eventHost: row.host_id })
    if (row.status === 'cancelled' || row.status === 'ended') throw new EventStateError(`the event is ${row.status}`)
    await this.db
      .updateTable('events')
      .set({
        ...(req.title && { title: JSON.stringify(req.title) }),
        ...(req.description && { description: JSON.stringify(req.description) }),
        ...(req.startsAt !== undefined && { starts_at: req.startsAt }),
        ...(req.durationMinutes !== undefined && { duration_min: req.durationMinutes }),
        ...(req.capacity !== undefined && { capacity: req.capacity }),
        ...(req.lang && { lang: req.lang }),
        ...(req.approvalRequired !== undefined && { approval: req.approvalRequired ? 1 : 0 }),
        ...(req.minAttendance !== undefined && { min_attendance: req.minAttendance }),
        ...(req.recording !== undefined && { recording: req.recording ? 1 : 0 }),
        updated_at: Date.now(),
      })
      .where('id', '=', id)
      .execute()
    await this.audit.append({ actor: who, action: 'event.changed', subjectId: id, detail: { op: 'update' } })
  }

  async cancel(who: Principal, id: string): Promise<void> {
    const row = await this.row(id)
    authorize(who, 'events.manage', { eventHost: row.host_id })
    if (row.status === 'ended') throw new EventStateError('the event has ended')
    await this.db
      .updateTable('events')
      .set({ status: 'cancelled', updated_at: Date.now() })
      .where('id', '=', id)
      .execute()
    await this.audit.append({ actor: who, action: 'event.changed', subjectId: id, detail: { op: 'cancel' } })
  }

  /**
   * Starts (live) or ends the event; idempotent. The live span (live_at → ended_at) is what attendance shares are
   * measured against. Conditional updates, so two hosts in two instances cannot start it twice.
   */
  async setPhase(who: Principal, id: string, phase: 'live' | 'ended'): Promise<EventRow> {
    const row = await this.row(id)
    authorize(who, 'events.moderate', { eventHost: row.host_id })
    const now = Date.now()
    if (phase === 'live') {
      await this.db
        .updateTable('events')
        .set({ status: 'live', live_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'scheduled')
        .execute()
    } else {
      await this.db
        .updateTable('events')
        .set({ status: 'ended', ended_at: now, updated_at: now })
        .where('id', '=', id)
        .where('status', '=', 'live')
        .execute()
    }
    const after = await this.row(id)
    if (after.status !== phase) throw new EventStateError(`the event is ${after.status}`)
    if (row.status !== after.status) {
      await this.audit.append({ actor: who, action: 'event.changed', subjectId: id, detail: { op: phase } })
    }
    return after
  }

  /** The event row; NotFound when there is none. */
  async row(id: string): Promise<EventRow> {
    const row = await this.db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst()
    if (!row) throw new NotFound('no such event')
    return row
  }

  /** Events that have not ended long ago, soonest first (cancelled ones stay listed, marked). */
  async list(now = Date.now()): Promise<EventView[]> {
    const rows = await this.db
      .selectFrom('events')
      .select('id')
      .where('starts_at', '>', now - 7 * 24 * 3600 * 1000)
      .orderBy('starts_at')
      .limit(200)
      .execute()
    return Promise.all(rows.map((r) => this.view(r.id)))
  }

  async view(id: string): Promise<EventView> {
    const row = await this.row(id)
    const host = await this.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', row.host_id)
      .executeTakeFirst()
    const counts = await this.db
      .selectFrom('event_registrations')
      .select(['status', sql<number>`count(*)`.as('n')])
      .where('event_id', '=', id)
      .groupBy('status')
      .execute()
    const slides = await this.db
      .selectFrom('event_slides')
      .select(sql<number>`count(*)`.as('n'))
      .where('event_id', '=', id)
      .executeTakeFirst()
    const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0)
    return {
      id: row.id,
      hostId: row.host_id,
      hostName: host?.display_name ?? '',
      title: JSON.parse(row.title) as BilingualText,
      description: JSON.parse(row.description) as BilingualText,
      startsAt: row.starts_at,
      durationMinutes: row.duration_min,
      capacity: row.capacity,
      lang: row.lang as EventLang,
      approvalRequired: row.approval === 1,
      minAttendance: row.min_attendance,
      recording: row.recording === 1,
      status: row.status as EventStatus,
      confirmed: n('confirmed'),
      waitlisted: n('waitlisted'),
      slides: Number(slides?.n ?? 0),
      slideVersion: row.slide_version,
    }
  }
}

/** Whether the auditorium may be entered now: not cancelled, not ended, and not long past its scheduled end. */
export function isJoinable(row: EventRow, now = Date.now()): boolean {
  if (row.status === 'cancelled' || row.status === 'ended') return false
  return now < row.starts_at + row.duration_min * 60_000 + LATE_GRACE_MS || row.status === 'live'
}
