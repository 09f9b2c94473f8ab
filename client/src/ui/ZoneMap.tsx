import { BRANCH_BOUNDS, ZONE_IDS, ZONES } from '@atrium/common'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'

import { useConnection } from '../net/useConnection.ts'
import { localPlayer } from '../player/localPlayer.ts'
import { travel } from '../player/travel.ts'
import { useAppStore } from '../state/useAppStore.ts'

const PAD = 1
const W = BRANCH_BOUNDS.maxX - BRANCH_BOUNDS.minX + PAD * 2
const H = BRANCH_BOUNDS.maxZ - BRANCH_BOUNDS.minZ + PAD * 2
const X0 = BRANCH_BOUNDS.minX - PAD
const Z0 = BRANCH_BOUNDS.minZ - PAD

/**
 * Floor plan with a live "you are here" marker; each zone is a button, and keys 1–4 travel there,
 * so the whole branch can be crossed from the keyboard alone. M toggles the map.
 */
export function ZoneMap() {
  const { t } = useTranslation()
  const connection = useConnection()
  const open = useAppStore((s) => s.mapOpen)
  const myZone = useAppStore((s) => s.myZone)
  const marker = useRef<SVGGElement>(null)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement) return
      if (e.code === 'KeyM') useAppStore.getState().set({ mapOpen: !useAppStore.getState().mapOpen })
      const n = Number(e.key)
      const zone = ZONE_IDS[n - 1]
      if (Number.isInteger(n) && zone) travel(connection, zone)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [connection])

  useEffect(() => {
    if (!open) return
    let raf = 0
    const loop = () => {
      const f = localPlayer.feet
      const deg = (-localPlayer.yaw * 180) / Math.PI
      marker.current?.setAttribute('transform', `translate(${f.x - X0} ${f.z - Z0}) rotate(${deg})`)
      raf = requestAnimationFrame(loop)
    }
    loop()
    return () => cancelAnimationFrame(raf)
  }, [open])

  return (
    <nav className={`panel map ${open ? 'open' : ''}`} aria-labelledby="map-heading">
      <h2 id="map-heading">
        <button
          type="button"
          className="link"
          aria-expanded={open}
          onClick={() => useAppStore.getState().set({ mapOpen: !open })}
        >
          {t('map.title')}
        </button>
      </h2>
      {open && (
        <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('map.title')}>
          {ZONE_IDS.map((id) => {
            const b = ZONES[id].bounds
            return (
              <rect
                key={id}
                x={b.minX - X0}
                y={b.minZ - Z0}
                width={b.maxX - b.minX}
                height={b.maxZ - b.minZ}
                fill={ZONES[id].color}
                opacity={id === myZone ? 0.55 : 0.25}
                stroke="#fff"
                strokeWidth={0.15}
              />
            )
          })}
          <g ref={marker}>
            <circle r={0.7} fill="#fff" stroke="#1d2a3a" strokeWidth={0.2} />
            <path d="M0 -1.6 L0.6 -0.5 L-0.6 -0.5 Z" fill="#fff" />
          </g>
        </svg>
      )}
      <ol className="zones">
        {ZONE_IDS.map((id, i) => (
          <li key={id}>
            <button
              type="button"
              data-zone={id}
              aria-current={id === myZone ? 'location' : undefined}
              onClick={() => travel(connection, id)}
              title={t(`zoneInfo.${id}`)}
            >
              <kbd>{i + 1}</kbd> {t(`zones.${id}`)}
              {id === myZone && <span className="muted"> · {t('map.here')}</span>}
            </button>
          </li>
        ))}
      </ol>
      <p className="muted hint">{t('map.hint')}</p>
    </nav>
  )
}
