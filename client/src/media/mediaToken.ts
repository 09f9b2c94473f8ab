import type { MediaRoomRef, MediaTokenResponse } from '@atrium/common'

import { sendRequest } from '../auth/http.ts'

/** Where a bearer token for the Atrium API comes from: the guest token or the account's access token. */
export type BearerSource = () => Promise<string>

/** Asks the Atrium server for a LiveKit token for `ref`; the server decides the grant from the caller's role. */
export async function fetchMediaToken(bearer: BearerSource, ref: MediaRoomRef): Promise<MediaTokenResponse> {
  return (await sendRequest('/api/media/token', {
    method: 'POST',
    token: await bearer(),
    body: ref,
  })) as MediaTokenResponse
}
