/**
 * A light "speaker" for the media benchmark, bundled with esbuild and run in a bare Chromium page (no 3D): it enters
 * the branch as a guest (so it stands near the spawn point, within hearing distance of the listener), joins the
 * instance's LiveKit room and publishes the fake microphone, unmuted. `window.startSpeaker(name)` resolves once the
 * microphone is published.
 */
import { BranchState, ROOMS, type GuestResponse, type MediaTokenResponse } from '@atrium/common'
import { Client } from 'colyseus.js'
import { Room } from 'livekit-client'

async function post<T>(path: string, body: unknown, bearer?: string): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

async function startSpeaker(name: string): Promise<string> {
  const guest = await post<GuestResponse>('/api/guest', { name, look: { color: 1, shape: 0 }, lang: 'en' })
  const client = new Client(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`)
  client.auth.token = guest.token
  const branch = await client.joinOrCreate(ROOMS.branch, {}, BranchState)
  await new Promise<void>((resolve) => branch.onStateChange.once(() => resolve()))
  const media = await post<MediaTokenResponse>(
    '/api/media/token',
    { room: 'atrium', instance: branch.state.instance },
    guest.token,
  )
  const room = new Room({ adaptiveStream: false, dynacast: false })
  await room.connect(media.url, media.token, { autoSubscribe: false })
  await room.localParticipant.setMicrophoneEnabled(true)
  return guest.id
}

;(window as unknown as { startSpeaker: typeof startSpeaker }).startSpeaker = startSpeaker
