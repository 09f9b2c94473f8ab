import { schema, type SchemaType } from '@colyseus/schema'

/** One party in an advisory suite: pseudonymous id and display name only. */
export const SuiteParticipant = schema(
  {
    id: 'string',
    name: 'string',
    /** customer | advisor | family */
    role: 'string',
    /** False while the party is not connected to the suite room. */
    present: 'boolean',
  },
  'SuiteParticipant',
)
export type SuiteParticipant = SchemaType<typeof SuiteParticipant>

/** The document/screen panel on the suite wall. */
export const SuiteWall = schema(
  {
    /** none | document | screen */
    kind: { type: 'string', default: 'none' },
    title: { type: 'string', default: '' },
    page: { type: 'uint16', default: 1 },
    /** Pseudonymous id of who put it up. */
    by: { type: 'string', default: '' },
  },
  'SuiteWall',
)
export type SuiteWall = SchemaType<typeof SuiteWall>

/** Shared state of one advisory suite room. Participants are keyed by pseudonymous id. */
export const SuiteState = schema(
  {
    reference: 'string',
    /** active | ended */
    status: { type: 'string', default: 'active' },
    participants: { map: SuiteParticipant },
    /** The shared wealth-sandbox session on the table; empty when the sandbox offers none. */
    sandboxSessionId: { type: 'string', default: '' },
    wall: SuiteWall,
  },
  'SuiteState',
)
export type SuiteState = SchemaType<typeof SuiteState>
