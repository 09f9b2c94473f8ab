/** Paints the table's texts into the atlas canvas (layout in hallAtlasLayout.ts). */
import { BOARD_CELL, BUTTONS, GOAL_CELL, GOAL_MARK_X, labelCell } from './hallAtlasLayout.ts'

const FONT_STACK = '"Atrium Sans SC", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'
const NAVY = '#1d2a3a'
const TONES = { ok: '#7fe0b0', warn: '#ffb86b', muted: '#cfd8e3' } as const

/** What the atlas shows; built from the stores by atlasView.ts. */
export interface AtlasView {
  labels: { zh: string; en: string; weight: number; color: string; selected: boolean }[]
  /** The goal marker's text, e.g. "Goal 62%"; undefined without a projection. */
  goal: string | undefined
  board: {
    title: string
    risk: string
    suitability: string
    tone: keyof typeof TONES
    status: string
    /** 0…1 while a projection runs. */
    progress: number | undefined
    detail: string[]
    hypothetical: string
    /** Labels in BUTTONS order, and which one is active (running or replaying). */
    buttons: { label: string; active: boolean }[]
  }
}

/** Sets the font, shrinking it until `text` fits in `maxWidth`. */
function fit(ctx: CanvasRenderingContext2D, text: string, weight: number, px: number, maxWidth: number) {
  let size = px
  ctx.font = `${weight} ${size}px ${FONT_STACK}`
  while (ctx.measureText(text).width > maxWidth && size > 12) {
    size -= 2
    ctx.font = `${weight} ${size}px ${FONT_STACK}`
  }
}

function drawLabel(ctx: CanvasRenderingContext2D, i: number, l: AtlasView['labels'][number]) {
  const { x, y, w, h } = labelCell(i)
  ctx.fillStyle = l.selected ? '#2c4a66' : NAVY
  ctx.fillRect(x, y, w, h)
  ctx.fillStyle = l.color
  ctx.fillRect(x, y, 12, h)
  if (l.selected) {
    ctx.strokeStyle = '#ffd27a'
    ctx.lineWidth = 6
    ctx.strokeRect(x + 3, y + 3, w - 6, h - 6)
  }
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'right'
  ctx.fillStyle = '#ffffff'
  ctx.font = `700 40px ${FONT_STACK}`
  ctx.fillText(`${l.weight}%`, x + w - 12, y + h / 2)
  const textW = w - 112
  ctx.textAlign = 'left'
  fit(ctx, l.zh, 500, 30, textW)
  ctx.fillText(l.zh, x + 22, y + h * 0.34)
  ctx.fillStyle = '#cfd8e3'
  fit(ctx, l.en, 400, 20, textW)
  ctx.fillText(l.en, x + 22, y + h * 0.72)
}

function drawGoal(ctx: CanvasRenderingContext2D, text: string | undefined) {
  const { x, y, w, h } = GOAL_CELL
  ctx.clearRect(x, y, w, h)
  if (!text) return
  const cx = x + GOAL_MARK_X
  const cy = y + h / 2
  ctx.fillStyle = '#ffd27a'
  ctx.strokeStyle = NAVY
  ctx.lineWidth = 4
  ctx.beginPath()
  ctx.moveTo(cx, cy - 30)
  ctx.lineTo(cx + 30, cy)
  ctx.lineTo(cx, cy + 30)
  ctx.lineTo(cx - 30, cy)
  ctx.closePath()
  ctx.fill()
  ctx.stroke()
  ctx.textAlign = 'left'
  ctx.textBaseline = 'middle'
  fit(ctx, text, 700, 44, w - GOAL_MARK_X - 60)
  const tw = ctx.measureText(text).width
  ctx.fillStyle = 'rgba(29, 42, 58, 0.85)'
  ctx.fillRect(cx + 40, cy - 30, tw + 24, 60)
  ctx.fillStyle = '#ffffff'
  ctx.fillText(text, cx + 52, cy + 2)
}

function drawBoard(ctx: CanvasRenderingContext2D, b: AtlasView['board']) {
  const { x, y, w, h } = BOARD_CELL
  const left = x + 28
  const maxW = w - 56
  ctx.fillStyle = NAVY
  ctx.fillRect(x, y, w, h)
  ctx.fillStyle = '#5cc89a'
  ctx.fillRect(x, y, w, 10)
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = '#ffffff'
  fit(ctx, b.title, 600, 46, maxW)
  ctx.fillText(b.title, left, y + 66)
  ctx.fillStyle = TONES[b.tone]
  fit(ctx, b.risk, 600, 34, maxW)
  ctx.fillText(b.risk, left, y + 118)
  fit(ctx, b.suitability, 400, 26, maxW)
  ctx.fillText(b.suitability, left, y + 156)
  ctx.fillStyle = '#ffffff'
  fit(ctx, b.status, 500, 30, maxW)
  ctx.fillText(b.status, left, y + 212)
  if (b.progress !== undefined) {
    ctx.fillStyle = '#34465c'
    ctx.fillRect(left, y + 228, maxW, 14)
    ctx.fillStyle = '#5cc89a'
    ctx.fillRect(left, y + 228, maxW * Math.min(1, Math.max(0, b.progress)), 14)
  }
  ctx.fillStyle = '#cfd8e3'
  b.detail.slice(0, 4).forEach((line, i) => {
    fit(ctx, line, 400, 25, maxW)
    ctx.fillText(line, left, y + 280 + i * 40)
  })
  ctx.fillStyle = '#ffd27a'
  fit(ctx, b.hypothetical, 600, 28, maxW)
  ctx.fillText(b.hypothetical, left, y + 514)
  BUTTONS.forEach((btn, i) => {
    const label = b.buttons[i]
    if (!label) return
    ctx.fillStyle = label.active ? '#ffd27a' : i === 0 ? '#5cc89a' : '#34465c'
    ctx.fillRect(x + btn.x, y + btn.y, btn.w, btn.h)
    ctx.fillStyle = label.active || i === 0 ? NAVY : '#ffffff'
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    fit(ctx, label.label, 600, 32, btn.w - 20)
    ctx.fillText(label.label, x + btn.x + btn.w / 2, y + btn.y + btn.h / 2)
    ctx.textAlign = 'left'
    ctx.textBaseline = 'alphabetic'
  })
}

/** Repaints the whole atlas from `view`. */
export function drawHallAtlas(ctx: CanvasRenderingContext2D, view: AtlasView): void {
  view.labels.forEach((l, i) => drawLabel(ctx, i, l))
  drawGoal(ctx, view.goal)
  drawBoard(ctx, view.board)
}
