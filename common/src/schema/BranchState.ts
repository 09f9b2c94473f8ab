import { schema, type SchemaType } from '@colyseus/schema'

import { Avatar } from './Avatar.ts'

/** Shared state of one atrium instance. Avatars are keyed by Colyseus session id. */
export const BranchState = schema(
  {
    /** 1-based instance number shown to visitors ("Atrium 2"). */
    instance: 'uint16',
    maxClients: 'uint16',
    avatars: { map: Avatar },
  },
  'BranchState',
)
export type BranchState = SchemaType<typeof BranchState>
