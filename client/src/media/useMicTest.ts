import { useCallback, useEffect, useRef, useState } from 'react'

import { mediaStore } from './mediaStore.ts'
import { rms } from './spatial.ts'

/** Where a microphone test stands: not started, running, or why it could not start. */
export type MicTestState = 'idle' | 'running' | 'denied' | 'unavailable'

/** A microphone test on the join screen: the chosen device, its live level, and the devices to choose from. */
export interface MicTest {
  state: MicTestState
  devices: { deviceId: string; label: string }[]
  deviceId: string | undefined
  /** The current level (RMS), read per animation frame by the meter. */
  level: () => number
  start: (deviceId?: string) => Promise<void>
  stop: () => void
}

interface Running {
  stream: MediaStream
  ctx: AudioContext
  analyser: AnalyserNode
  samples: Float32Array<ArrayBuffer>
}

/**
 * Opens the microphone only while the visitor tests it, before entering: a level to watch and a device to pick. The
 * pick is kept in `mediaStore.deviceId`, which the branch's microphone opens later (it still starts muted there). The
 * stream and audio context close on stop and when the join screen goes.
 */
export function useMicTest(): MicTest {
  const running = useRef<Running | undefined>(undefined)
  /** Bumped by every start and stop: a stream that opens after a newer call (or after unmount) is closed at once. */
  const generation = useRef(0)
  const [state, setState] = useState<MicTestState>('idle')
  const [devices, setDevices] = useState<MicTest['devices']>([])
  const [deviceId, setDeviceId] = useState(() => mediaStore.getState().deviceId)

  const stop = useCallback(() => {
    generation.current++
    const r = running.current
    running.current = undefined
    if (!r) return
    for (const track of r.stream.getTracks()) track.stop()
    void r.ctx.close().catch(() => undefined)
    setState('idle')
  }, [])

  const start = useCallback(
    async (id?: string) => {
      stop()
      const mine = generation.current
      try {
        const stream = await navigator.mediaDevices.getUserMedia({ audio: id ? { deviceId: { exact: id } } : true })
        if (mine !== generation.current) {
          for (const track of stream.getTracks()) track.stop()
          return
        }
        const ctx = new AudioContext()
        const analyser = ctx.createAnalyser()
        analyser.fftSize = 1024
        ctx.createMediaStreamSource(stream).connect(analyser)
        running.current = { stream, ctx, analyser, samples: new Float32Array(analyser.fftSize) }
        // labels are only given once the page may use a microphone
        const list = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audioinput')
        if (mine !== generation.current) return
        setDevices(list.map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Microphone ${i + 1}` })))
        const used = stream.getAudioTracks()[0]?.getSettings().deviceId ?? id
        setDeviceId(used)
        if (id) mediaStore.setState({ deviceId: id })
        setState('running')
      } catch (e) {
        if (mine !== generation.current) return
        const name = e instanceof DOMException ? e.name : ''
        setState(name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable')
      }
    },
    [stop],
  )

  useEffect(() => stop, [stop])

  const level = useCallback(() => {
    const r = running.current
    if (!r) return 0
    r.analyser.getFloatTimeDomainData(r.samples)
    return rms(r.samples)
  }, [])

  return { state, devices, deviceId, level, start, stop }
}
