import type { IncomingMessage } from 'node:http'

import {
  CreateEventRequest,
  DecideRegistrationRequest,
  EVENT_LIMITS,
  EventId,
  UpdateEventRequest,
} from '@atrium/common'
import { z } from 'zod'

import { authorize, decide, type Principal } from '../../policy/policy.ts'
import type { Services } from '../../services/createServices.ts'
import { certificatePdf } from '../../services/events/certificatePdf.ts'
import { eventMediaContext } from '../../services/events/eventMediaContext.ts'
import { EventStateError, type EventRow } from '../../services/events/EventService.ts'
import { eventIcs } from '../../services/events/ics.ts'
import { BadSlide, SLIDE_TYPES } from '../../services/events/SlideService.ts'
import type { MediaService } from '../../services/media/MediaService.ts'
import { HttpError, SECURITY_HEADERS, sendJson, sendNoContent } from '../respond.ts'
import { body, callerOf, param, type RequestContext, type Route } from '../router.ts'

const ID = '(ev_[A-Za-z0-9_-]{8,32})'
const USER = '(u_[A-Za-z0-9_-]{8,32})'
const path = (rest: string) => new RegExp(`^/api/events/${ID}${rest}$`)
const Page = z.coerce
  .number()
  .int()
  .min(0)
  .max(EVENT_LIMITS.maxSlides - 1)

/** Investor-education events: scheduling, registration, slides, attendance, certificates. */
export function eventRoutes(s: Services, media: MediaService): Route[] {
  void media
  const ev = s.events
  const writeLimit = (id: string) => s.limiter.hit('write', id, s.limiter.limits.writesPerMinute, 60)
  const eventOf = (ctx: RequestContext) => ev.events.row(param(ctx, 0, EventId))
  /** The event, after checking the caller hosts it (or oversees events). */
  const hosted = async (ctx: RequestContext, action: 'events.manage' | 'events.moderate'): Promise<EventRow> => {
    const row = await eventOf(ctx)
    authorize(callerOf(ctx), action, { eventHost: row.host_id })
    return row
  }
  const route = (
    method: Route['method'],
    re: RegExp,
    auth: Route['auth'],
    fn: (ctx: RequestContext) => Promise<void>,
  ) => ({ method, path: re, auth, handle: (ctx: RequestContext) => fn(ctx).catch(mapError) }) satisfies Route

  return [
    route('GET', /^\/api\/events$/, 'none', async (ctx) => sendJson(ctx.res, 200, await ev.events.list())),
    route('POST', /^\/api\/events$/, 'required', async (ctx) => {
      const caller = callerOf(ctx)
      await writeLimit(caller.id)
      sendJson(ctx.res, 201, await ev.events.create(caller, await body(ctx, CreateEventRequest, 16 * 1024)))
    }),
    route('GET', /^\/api\/events\/mine$/, 'required', async (ctx) =>
      sendJson(ctx.res, 200, await ev.registrations.listMine(callerOf(ctx).id)),
    ),
    route('GET', /^\/api\/events\/reminders$/, 'required', async (ctx) =>
      sendJson(ctx.res, 200, await ev.registrations.reminders(callerOf(ctx).id)),
    ),
    route('GET', path(''), 'none', async (ctx) =>
      sendJson(ctx.res, 200, await ev.events.view((await eventOf(ctx)).id)),
    ),
    route('PATCH', path(''), 'required', async (ctx) => {
      const caller = callerOf(ctx)
      await writeLimit(caller.id)
      const row = await eventOf(ctx)
      await ev.events.update(caller, row.id, await body(ctx, UpdateEventRequest, 16 * 1024))
      // a larger capacity seats the head of the waitlist at once
      await ev.registrations.refill(row.id)
      sendJson(ctx.res, 200, await ev.events.view(row.id))
    }),
    route('POST', path('/cancel'), 'required', async (ctx) => {
      const row = await eventOf(ctx)
      await ev.events.cancel(callerOf(ctx), row.id)
      sendJson(ctx.res, 200, await ev.events.view(row.id))
    }),
    route('GET', path('/ics'), 'none', async (ctx) => {
      const view = await ev.events.view((await eventOf(ctx)).id)
      const origin = `http://${ctx.req.headers.host ?? 'localhost'}`.replace(/[^A-Za-z0-9.:/[\]-]/g, '')
      sendRaw(ctx, 'text/calendar; charset=utf-8', Buffer.from(eventIcs(view, origin)), {
        'Content-Disposition': `attachment; filename="${view.id}.ics"`,
      })
    }),
    route('GET', path('/registration'), 'required', async (ctx) =>
      sendJson(ctx.res, 200, await ev.registrations.mine(callerOf(ctx).id, (await eventOf(ctx)).id)),
    ),
    route('POST', path('/registration'), 'required', async (ctx) => {
      const caller = callerOf(ctx)
      await writeLimit(caller.id)
      sendJson(ctx.res, 200, await ev.registrations.register(caller, (await eventOf(ctx)).id))
    }),
    route('DELETE', path('/registration'), 'required', async (ctx) => {
      const caller = callerOf(ctx)
      await writeLimit(caller.id)
      sendJson(ctx.res, 200, await ev.registrations.cancel(caller, (await eventOf(ctx)).id))
    }),
    route('GET', path('/registrations'), 'required', async (ctx) => {
      const row = await eventOf(ctx)
      sendJson(ctx.res, 200, await ev.registrations.forHost(callerOf(ctx), row.id, row.host_id))
    }),
    route('POST', path(`/registrations/${USER}`), 'required', async (ctx) => {
      const row = await eventOf(ctx)
      const { approve } = await body(ctx, DecideRegistrationRequest)
      await ev.registrations.decide(callerOf(ctx), row.id, ctx.params[1] ?? '', approve)
      sendNoContent(ctx.res)
    }),
    route('POST', path('/slides'), 'required', async (ctx) => {
      const row = await hosted(ctx, 'events.manage')
      const type = (ctx.req.headers['content-type'] ?? '').split(';')[0]?.trim() ?? ''
      if (!SLIDE_TYPES.includes(type))
        throw new HttpError(415, 'unsupported_media_type', 'send a PNG, JPEG or WebP image')
      const page = await ev.slides.append(row.id, type, await readBinary(ctx.req, EVENT_LIMITS.slideMaxBytes))
      ev.stage.publish(row.id, { t: 'deck' })
      sendJson(ctx.res, 201, { page })
    }),
    route('DELETE', path('/slides'), 'required', async (ctx) => {
      const row = await hosted(ctx, 'events.manage')
      await ev.slides.clear(row.id)
      ev.stage.publish(row.id, { t: 'deck' })
      sendNoContent(ctx.res)
    }),
    route('GET', path('/slides/(\\d{1,3})'), 'required', async (ctx) => {
      const row = await eventOf(ctx)
      await member(s, callerOf(ctx), row.id)
      const slide = await ev.slides.page(row.id, Page.parse(ctx.params[1]))
      sendRaw(ctx, slide.mime, slide.data, { 'Cache-Control': 'private, max-age=300' })
    }),
    route('GET', path('/chat.csv'), 'required', async (ctx) => {
      const row = await hosted(ctx, 'events.moderate')
      sendRaw(ctx, 'text/csv; charset=utf-8', Buffer.from(await ev.chat.exportCsv(row.id)), {
        'Content-Disposition': `attachment; filename="${row.id}-chat.csv"`,
      })
    }),
    route('GET', path('/attendance'), 'required', async (ctx) => {
      const row = await hosted(ctx, 'events.moderate')
      const regs = await ev.registrations.forHost(callerOf(ctx), row.id, row.host_id)
      const confirmed = new Set(regs.filter((r) => r.status === 'confirmed').map((r) => r.userId))
      sendJson(ctx.res, 200, await ev.attendance.sheet(row, confirmed))
    }),
    route('GET', path('/certificate/status'), 'required', async (ctx) => {
      const row = await eventOf(ctx)
      const caller = callerOf(ctx)
      const registered = await ev.registrations.isConfirmed(caller.id, row.id)
      sendJson(ctx.res, 200, await ev.attendance.status(row, caller.id, registered))
    }),
    route('GET', path('/certificate'), 'required', async (ctx) => {
      const row = await eventOf(ctx)
      const caller = callerOf(ctx)
      const registered = await ev.registrations.isConfirmed(caller.id, row.id)
      const st = await ev.attendance.status(row, caller.id, registered)
      if (!st.eligible || row.live_at === null || row.ended_at === null) {
        throw new HttpError(403, st.reason, 'no certificate: ' + st.reason.replace('_', ' '))
      }
      const view = await ev.events.view(row.id)
      const pdf = await certificatePdf({
        eventId: row.id,
        userId: caller.id,
        attendeeName: caller.name,
        title: view.title,
        hostName: view.hostName,
        start: row.live_at,
        end: row.ended_at,
        share: st.share,
        quizScore: st.quizScore,
        quizTotal: st.quizTotal,
      })
      sendRaw(ctx, 'application/pdf', pdf, {
        'Content-Disposition': `attachment; filename="certificate-${row.id}.pdf"`,
      })
    }),
  ]
}

/** The caller may see the event's slides: its host, a confirmed attendee, or oversight staff. */
async function member(s: Services, who: Principal, eventId: string): Promise<void> {
  const ctx = await eventMediaContext(s.db, eventId, who.id)
  if (!decide(who, 'media.join', ctx).allow) throw new HttpError(403, 'forbidden', 'register for this event first')
}

/** This module's refusals in the one error shape (the shared mapper knows the rest). */
function mapError(e: unknown): never {
  if (e instanceof EventStateError) throw new HttpError(409, 'event_state', e.message)
  if (e instanceof BadSlide) throw new HttpError(415, 'unsupported_media_type', e.message)
  throw e
}

function sendRaw(ctx: RequestContext, type: string, data: Buffer, headers: Record<string, string> = {}): void {
  ctx.res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(data.length),
    'Cache-Control': 'no-store',
    ...headers,
  })
  ctx.res.end(data)
}

/** Reads a binary body of at most `limit` bytes (413 beyond). */
async function readBinary(req: IncomingMessage, limit: number): Promise<Buffer> {
  if (Number(req.headers['content-length'] ?? 0) > limit)
    throw new HttpError(413, 'payload_too_large', `body exceeds ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, 'payload_too_large', `body exceeds ${limit} bytes`)
    chunks.push(chunk)
  }
  if (size === 0) throw new HttpError(400, 'invalid_body', 'send the image as the body')
  return Buffer.concat(chunks)
}
