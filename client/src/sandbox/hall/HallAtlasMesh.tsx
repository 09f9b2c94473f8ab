import { useFrame, type ThreeEvent } from '@react-three/fiber'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { BufferAttribute, BufferGeometry, CanvasTexture, SRGBColorSpace } from 'three'

import { loadSignFont } from '../../components/environment/signAtlas.ts'
import { toLang } from '../../hostChat/uiLang.ts'
import { useAppStore } from '../../state/useAppStore.ts'
import { useSandbox } from '../panel/sandboxStore.ts'
import { useRiskAssessment } from '../panel/useRiskAssessment.ts'
import { buildAtlasView } from './atlasView.ts'
import { drawHallAtlas } from './drawHallAtlas.ts'
import { CLASS_IDS, pressBoardButton } from './hallActions.ts'
import { ATLAS_SIZE, buildAtlasQuads, buttonAt } from './hallAtlasLayout.ts'
import { useHall } from './hallStore.ts'

/**
 * Redraws are coalesced: a drag or a run's progress changes the plan many times a second, but the text need not
 * keep up per frame (each repaint is a 1024² canvas and texture upload).
 */
const REDRAW_SECONDS = 0.08

/**
 * Every text of the table in one draw call: bilingual column labels with their percentages, the goal marker and
 * the board (plan risk and suitability, the projection's state, "hypothetical", and buttons: Run projection and
 * one per stress scenario, which take clicks and taps by texture coordinate; in VR a squeeze on them presses
 * them, see XRColumnGrab).
 */
export function HallAtlasMesh({ goal }: { goal: { x: number; y: number } | undefined }) {
  const { t, i18n } = useTranslation()
  const lang = toLang(i18n.language)
  const inHall = useAppStore((st) => st.myZone === 'sandbox')
  const assessment = useRiskAssessment(inHall)
  const canvas = useMemo(() => {
    const c = document.createElement('canvas')
    c.width = ATLAS_SIZE
    c.height = ATLAS_SIZE
    return c
  }, [])
  const texture = useMemo(() => {
    const tex = new CanvasTexture(canvas)
    tex.flipY = false
    tex.colorSpace = SRGBColorSpace
    tex.anisotropy = 4
    return tex
  }, [canvas])
  const geometry = useMemo(() => {
    const q = buildAtlasQuads(CLASS_IDS.length, goal)
    const g = new BufferGeometry()
    g.setAttribute('position', new BufferAttribute(q.positions, 3))
    g.setAttribute('uv', new BufferAttribute(q.uvs, 2))
    g.setIndex(new BufferAttribute(q.index, 1))
    g.computeBoundingSphere()
    return g
  }, [goal])
  useEffect(() => () => geometry.dispose(), [geometry])
  useEffect(() => () => texture.dispose(), [texture])

  const dirty = useRef(true)
  const lastDraw = useRef(-Infinity)
  const view = useRef({ t, lang, assessment })
  view.current = { t, lang, assessment }
  useEffect(() => {
    dirty.current = true
  }, [t, lang, assessment])
  useEffect(() => {
    const mark = () => {
      dirty.current = true
    }
    void loadSignFont().then(mark)
    const offPlan = useSandbox.subscribe(mark)
    const offHall = useHall.subscribe(mark)
    return () => {
      offPlan()
      offHall()
    }
  }, [])

  // repaint only what someone can see: while the table is out of view (culled), changes just stay marked
  const seen = useRef(true)
  const markSeen = () => {
    seen.current = true
  }
  useFrame((state) => {
    const now = state.clock.elapsedTime
    const wasSeen = seen.current
    seen.current = false
    if (!dirty.current || !wasSeen || now - lastDraw.current < REDRAW_SECONDS) return
    const ctx = canvas.getContext('2d')
    if (!ctx) return
    dirty.current = false
    lastDraw.current = now
    const v = view.current
    drawHallAtlas(ctx, buildAtlasView(v.t, v.lang, v.assessment))
    texture.needsUpdate = true
  })

  const onClick = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation()
    if (e.uv) pressBoardButton(buttonAt(e.uv.x, e.uv.y))
  }

  return (
    <mesh geometry={geometry} name="sandbox-hall-atlas" onClick={onClick} onBeforeRender={markSeen} renderOrder={4}>
      <meshBasicMaterial map={texture} transparent toneMapped={false} />
    </mesh>
  )
}
