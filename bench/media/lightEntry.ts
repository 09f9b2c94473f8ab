/**
 * Light pages for the media benchmark, bundled with esbuild and run in bare Chromium pages (no 3D, no app):
 * - `window.startSpeaker(name)` enters the branch as a guest (so it stands near the spawn point, within hearing distance
 *   of the listener), joins the instance's LiveKit room and publishes the fake microphone, unmuted; it resolves once the
 *   microphone is published.
 * - `window.timeJoin(name, talker, silence)` enters the branch the same way (once), then times one join of the
 *   instance's LiveKit room the way the app joins it (token from the API, connect, subscribe) to the first level of the
 *   talker's audio above `silence`, read through a Web Audio AnalyserNode; it leaves the room before resolving.
 */
import { BranchState, ROOMS, type GuestResponse, type MediaTokenResponse } from '@atrium/common'
import { Client } from 'colyseus.js'
import { Room, RoomEvent, Track, type RemoteTrack } from 'livekit-client'

async function post<T>(path: string, body: unknown, bearer?: string): Promise<T> {
  const res = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(bearer && { authorization: `Bearer ${bearer}` }) },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

interface Seat {
  id: string
  token: string
  instance: number
}

let seat: Promise<Seat> | undefined

/** A guest seat in the branch, taken once per page. */
function enter(name: string): Promise<Seat> {
  seat ??= (async (): Promise<Seat> => {
    const guest = await post<GuestResponse>('/api/guest', { name, look: { color: 1, shape: 0 }, lang: 'en' })
    const client = new Client(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}`)
    client.auth.token = guest.token
    const branch = await client.joinOrCreate(ROOMS.branch, {}, BranchState)
    await new Promise<void>((resolve) => branch.onStateChange.once(() => resolve()))
    return { id: guest.id, token: guest.token, instance: branch.state.instance }
  })()
  return seat
}

function mediaToken(s: Seat): Promise<MediaTokenResponse> {
  return post<MediaTokenResponse>('/api/media/token', { room: 'atrium', instance: s.instance }, s.token)
}

async function startSpeaker(name: string): Promise<string> {
  const s = await enter(name)
  const media = await mediaToken(s)
  const room = new Room({ adaptiveStream: false, dynacast: false })
  await room.connect(media.url, media.token, { autoSubscribe: false })
  await room.localParticipant.setMicrophoneEnabled(true)
  return s.id
}

/** Milliseconds from the start of one join: token received, connected, talker's audio subscribed, first sound. */
interface JoinPhases {
  token: number
  connect: number
  subscribed: number
  total: number
}

const ctx = new AudioContext()

/** Resolves with the time of the first analyser level above `silence`. */
function firstSound(track: RemoteTrack, silence: number, t0: number): Promise<number> {
  // Chromium feeds a remote WebRTC track to Web Audio only while a media element plays it
  const element = track.attach()
  element.muted = true
  const source = ctx.createMediaStreamSource(new MediaStream([track.mediaStreamTrack]))
  const analyser = ctx.createAnalyser()
  analyser.fftSize = 256
  source.connect(analyser)
  const buf = new Float32Array(analyser.fftSize)
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      analyser.getFloatTimeDomainData(buf)
      let sum = 0
      for (const v of buf) sum += v * v
      if (Math.sqrt(sum / buf.length) > silence) {
        clearInterval(timer)
        source.disconnect()
        track.detach()
        resolve(performance.now() - t0)
      } else if (performance.now() - t0 > 30_000) {
        clearInterval(timer)
        reject(new Error('no remote audio within 30 s'))
      }
    }, 5)
  })
}

async function timeJoin(name: string, talker: string, silence: number): Promise<JoinPhases> {
  const s = await enter(name)
  await ctx.resume()
  const t0 = performance.now()
  const media = await mediaToken(s)
  const token = performance.now() - t0
  const room = new Room({ adaptiveStream: false, dynacast: false })
  const subscribedTrack = new Promise<RemoteTrack>((resolve) =>
    room.on(RoomEvent.TrackSubscribed, (track, _pub, p) => {
      if (p.identity === talker && track.kind === Track.Kind.Audio) resolve(track)
    }),
  )
  const subscribe = (): boolean => {
    const pub = room.remoteParticipants.get(talker)?.getTrackPublication(Track.Source.Microphone)
    pub?.setSubscribed(true)
    return pub !== undefined
  }
  room.on(RoomEvent.TrackPublished, subscribe)
  await room.connect(media.url, media.token, { autoSubscribe: false })
  const connect = performance.now() - t0
  subscribe()
  const track = await subscribedTrack
  const subscribed = performance.now() - t0
  const total = await firstSound(track, silence, t0)
  await room.disconnect()
  return { token, connect, subscribed, total }
}

Object.assign(window, { startSpeaker, timeJoin })
