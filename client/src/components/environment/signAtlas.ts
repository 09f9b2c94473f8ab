import { CJK_FONT_URL } from '../../assets/fonts.ts'
import { ATLAS_SIZE, SIGNS, type SignId, type SignSpec } from './signCatalog.ts'

const FAMILY = 'Atrium Sans SC'
const FONT_STACK = `"${FAMILY}", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif`
const NAVY = '#1d2a3a'

let fontReady: Promise<void> | undefined

/**
 * Loads the bundled CJK font for canvas drawing (once per page). Never rejects: if the font
 * cannot load, the signs fall back to whatever CJK font the system has.
 */
export function loadSignFont(): Promise<void> {
  fontReady ??= new FontFace(FAMILY, `url(${CJK_FONT_URL})`)
    .load()
    .then((face) => {
      document.fonts.add(face)
    })
    .catch((err: unknown) => console.warn('sign font did not load, using system fonts', err))
  return fontReady
}

/** Sets the font, shrinking it until `text` fits in `maxWidth`. */
function fitFont(ctx: CanvasRenderingContext2D, text: string, weight: number, px: number, maxWidth: number) {
  let size = px
  ctx.font = `${weight} ${size}px ${FONT_STACK}`
  while (ctx.measureText(text).width > maxWidth && size > 12) {
    size -= 2
    ctx.font = `${weight} ${size}px ${FONT_STACK}`
  }
}

/** A wayfinding sign: Chinese name above the English one, with accent bars at both ends. */
function drawTile(ctx: CanvasRenderingContext2D, spec: SignSpec) {
  const [x, y, w, h] = spec.region
  ctx.fillStyle = NAVY
  ctx.fillRect(x, y, w, h)
  ctx.fillStyle = spec.accent
  ctx.fillRect(x, y, 14, h)
  ctx.fillRect(x + w - 14, y, 14, h)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = '#ffffff'
  fitFont(ctx, spec.zh, 500, 100, w - 120)
  ctx.fillText(spec.zh, x + w / 2, y + h * 0.38)
  ctx.fillStyle = '#cfd8e3'
  ctx.letterSpacing = '2px'
  fitFont(ctx, spec.en, 400, 50, w - 120)
  ctx.fillText(spec.en, x + w / 2, y + h * 0.78)
  ctx.letterSpacing = '0px'
}

/** The bank's name: a gold doorway mark, "Atrium" and 云上网点 on one line. */
function drawLogo(ctx: CanvasRenderingContext2D, spec: SignSpec) {
  const [x, y, w, h] = spec.region
  ctx.fillStyle = NAVY
  ctx.fillRect(x, y, w, h)
  ctx.textBaseline = 'middle'
  ctx.textAlign = 'left'
  const cy = y + h / 2
  ctx.font = `600 150px ${FONT_STACK}`
  const enW = ctx.measureText(spec.en).width
  ctx.font = `500 128px ${FONT_STACK}`
  const zhW = ctx.measureText(spec.zh).width
  const mark = 180
  const gap = 60
  let cx = x + (w - (mark + gap + enW + gap * 2 + zhW)) / 2

  // the mark: a ring enclosing an arched doorway, echoing the atrium's entrance
  ctx.strokeStyle = spec.accent
  ctx.lineWidth = 12
  ctx.beginPath()
  ctx.arc(cx + mark / 2, cy, mark / 2 - 8, 0, Math.PI * 2)
  ctx.stroke()
  ctx.fillStyle = spec.accent
  ctx.beginPath()
  ctx.moveTo(cx + mark / 2 - 38, cy + 50)
  ctx.lineTo(cx + mark / 2 - 38, cy - 8)
  ctx.arc(cx + mark / 2, cy - 8, 38, Math.PI, 0)
  ctx.lineTo(cx + mark / 2 + 38, cy + 50)
  ctx.closePath()
  ctx.fill()
  cx += mark + gap

  ctx.fillStyle = '#ffffff'
  ctx.font = `600 150px ${FONT_STACK}`
  ctx.fillText(spec.en, cx, cy + 4)
  cx += enW + gap
  ctx.fillStyle = spec.accent
  ctx.fillRect(cx - 3, cy - 70, 6, 140)
  cx += gap
  ctx.font = `500 128px ${FONT_STACK}`
  ctx.fillText(spec.zh, cx, cy + 4)
}

/** Paints every sign into one canvas laid out as `SIGNS` describes. Call after `loadSignFont`. */
export function drawSignAtlas(): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.width = ATLAS_SIZE.width
  canvas.height = ATLAS_SIZE.height
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('2D canvas unavailable')
  for (const id of Object.keys(SIGNS) as SignId[]) {
    if (id === 'logo') drawLogo(ctx, SIGNS[id])
    else drawTile(ctx, SIGNS[id])
  }
  return canvas
}
