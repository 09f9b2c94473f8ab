import { schema, type SchemaType } from '@colyseus/schema'

/**
 * One person in an auditorium instance. Compact on purpose: 200 of them patch at most their head yaw once a second.
 * Display name and pseudonymous id only.
 */
export const Attendee = schema(
  {
    id: 'string',
    name: 'string',
    /** Packed look: shape * 8 + colour (looks.ts). */
    look: 'uint8',
    /** Seat index in the auditorium; 65535 on stage (host, promoted speakers). */
    seat: 'uint16',
    /** Head yaw, int8 (see quantizeYaw). */
    yaw: 'int8',
    hand: 'boolean',
    /**
     * In their seat. A seat holder starts seated (the client takes them there) and stands up by walking away; the
     * auditorium draws only seated attendees (and speakers), the branch draws everyone else, so nobody shows twice.
     */
    seated: 'boolean',
    speaker: 'boolean',
    /** The event's host or oversight staff. */
    host: 'boolean',
  },
  'Attendee',
)
export type Attendee = SchemaType<typeof Attendee>

/** One person in an event-wide list (the raise-hand queue, the speakers on stage): the same in all instances. */
export const RaisedHand = schema({ id: 'string', name: 'string', at: 'float64' }, 'RaisedHand')
export type RaisedHand = SchemaType<typeof RaisedHand>

/** The open (or last) poll; counts are event-wide, across instances. */
export const PollState = schema(
  {
    id: 'uint32',
    question: 'string',
    options: ['string'],
    counts: ['uint16'],
    quiz: 'boolean',
    /** ms since the epoch; the server closes the poll then. */
    endsAt: 'float64',
    open: 'boolean',
  },
  'PollState',
)
export type PollState = SchemaType<typeof PollState>

/**
 * Shared state of one auditorium instance. The stage fields (phase, page, spotlight, recording, poll, hands) are the
 * same in every instance of the event; `attendees` are this instance's people.
 */
export const AuditoriumState = schema(
  {
    eventId: 'string',
    /** 1 for the main auditorium, 2… for overflow instances. */
    instance: 'uint16',
    phase: { type: 'string', default: 'scheduled' },
    page: 'uint16',
    slides: 'uint16',
    slideVersion: 'uint32',
    recording: 'boolean',
    spotlight: 'string',
    attendees: { map: Attendee },
    hands: [RaisedHand],
    /** Attendees promoted to speaker, shown at the stage microphones in every instance. */
    speakers: [RaisedHand],
    poll: PollState,
  },
  'AuditoriumState',
)
export type AuditoriumState = SchemaType<typeof AuditoriumState>
