import { CanvasTexture, SRGBColorSpace } from 'three'

/** Placeholder canvases are 4:3, like the panel when no video sets its shape. */
const W = 256
const H = 192

/**
 * A "camera off" card for a video panel: the person's name and a struck-through camera, drawn once on a canvas.
 * `caption` is the translated "Camera off".
 */
export function placeholderTexture(name: string, caption: string): CanvasTexture {
  const canvas = document.createElement('canvas')
  canvas.width = W
  canvas.height = H
  const g = canvas.getContext('2d')
  if (g) {
    g.fillStyle = '#1f2a37'
    g.fillRect(0, 0, W, H)
    g.strokeStyle = '#c8a45c'
    g.lineWidth = 4
    g.strokeRect(2, 2, W - 4, H - 4)
    // camera body, lens housing and the strike-through
    g.fillStyle = '#9fb3c8'
    g.fillRect(W / 2 - 40, 42, 54, 40)
    g.beginPath()
    g.moveTo(W / 2 + 16, 62)
    g.lineTo(W / 2 + 40, 48)
    g.lineTo(W / 2 + 40, 76)
    g.closePath()
    g.fill()
    g.strokeStyle = '#e5484d'
    g.lineWidth = 6
    g.beginPath()
    g.moveTo(W / 2 - 48, 36)
    g.lineTo(W / 2 + 48, 90)
    g.stroke()
    g.fillStyle = '#ffffff'
    g.textAlign = 'center'
    g.textBaseline = 'middle'
    g.font = 'bold 26px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'
    g.fillText(fit(g, name, W - 24), W / 2, 126)
    g.fillStyle = '#9fb3c8'
    g.font = '20px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif'
    g.fillText(fit(g, caption, W - 24), W / 2, 160)
  }
  const texture = new CanvasTexture(canvas)
  texture.colorSpace = SRGBColorSpace
  return texture
}

/** Shortens `text` with an ellipsis until it fits `max` pixels. */
function fit(g: CanvasRenderingContext2D, text: string, max: number): string {
  if (g.measureText(text).width <= max) return text
  let t = text
  while (t.length > 1 && g.measureText(`${t}…`).width > max) t = t.slice(0, -1)
  return `${t}…`
}

/** Width / height of the placeholder card. */
export const PLACEHOLDER_ASPECT = W / H
