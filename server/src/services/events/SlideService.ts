import { EVENT_LIMITS } from '@atrium/common'
import { sql } from 'kysely'

import type { AtriumDb } from '../../db/database.ts'
import { NotFound } from '../privacy/StaffAccess.ts'
import { EventStateError } from './EventService.ts'

/** Image types a slide may have, recognised by their first bytes (the declared type must match). */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/webp',
    test: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
]

/** The slide types accepted for upload. */
export const SLIDE_TYPES = SIGNATURES.map((s) => s.mime)

/** A slide whose bytes are not the image type it claims: HTTP 415. */
export class BadSlide extends Error {}

/**
 * Slide decks, one image per page, stored in the database so that every server process (and every overflow
 * instance) serves the same deck without a shared volume. The event's slide_version changes on every upload so
 * clients refetch.
 */
export class SlideService {
  constructor(private readonly handle: AtriumDb) {}

  /** Appends one page; returns its index. The caller has checked that the uploader hosts the event. */
  async append(eventId: string, mime: string, data: Buffer): Promise<number> {
    const sig = SIGNATURES.find((s) => s.mime === mime)
    if (!sig || !sig.test(data)) throw new BadSlide('the file is not a PNG, JPEG or WebP image')
    return this.handle.db.transaction().execute(async (trx) => {
      // the version bump takes the event row's lock, so concurrent uploads get distinct page numbers
      const ev = await trx
        .updateTable('events')
        .set((eb) => ({ slide_version: eb('slide_version', '+', 1) }))
        .where('id', '=', eventId)
        .returning('status')
        .executeTakeFirst()
      if (!ev) throw new NotFound('no such event')
      if (ev.status === 'cancelled' || ev.status === 'ended') throw new EventStateError(`the event is ${ev.status}`)
      const r = await trx
        .selectFrom('event_slides')
        .select(sql<number>`count(*)`.as('n'))
        .where('event_id', '=', eventId)
        .executeTakeFirst()
      const page = Number(r?.n ?? 0)
      if (page >= EVENT_LIMITS.maxSlides) throw new EventStateError(`at most ${EVENT_LIMITS.maxSlides} slides`)
      await trx.insertInto('event_slides').values({ event_id: eventId, page, mime, data }).execute()
      return page
    })
  }

  /** Removes the whole deck. */
  async clear(eventId: string): Promise<void> {
    await this.handle.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('event_slides').where('event_id', '=', eventId).execute()
      await trx
        .updateTable('events')
        .set((eb) => ({ slide_version: eb('slide_version', '+', 1) }))
        .where('id', '=', eventId)
        .execute()
    })
  }

  async page(eventId: string, page: number): Promise<{ mime: string; data: Buffer }> {
    const row = await this.handle.db
      .selectFrom('event_slides')
      .select(['mime', 'data'])
      .where('event_id', '=', eventId)
      .where('page', '=', page)
      .executeTakeFirst()
    if (!row) throw new NotFound('no such slide')
    return { mime: row.mime, data: Buffer.from(row.data) }
  }

  /** Page count and version, for the room state. */
  async deck(eventId: string): Promise<{ slides: number; version: number }> {
    const r = await this.handle.db
      .selectFrom('events')
      .select([
        'slide_version',
        (eb) =>
          eb
            .selectFrom('event_slides')
            .select(sql<number>`count(*)`.as('n'))
            .whereRef('event_id', '=', 'events.id')
            .as('n'),
      ])
      .where('id', '=', eventId)
      .executeTakeFirst()
    return { slides: Number(r?.n ?? 0), version: r?.slide_version ?? 0 }
  }
}
