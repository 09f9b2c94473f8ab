import { CanvasTexture, SRGBColorSpace } from 'three'

/** Atlas layout: 8 x 32 cells of 256 x 64 px, one per pose slot (slots wrap at 256). */
export const ATLAS = { cols: 8, rows: 32, cellW: 256, cellH: 64 } as const
export const ATLAS_CELLS = ATLAS.cols * ATLAS.rows

/** A canvas texture holding every avatar's name, drawn once per name change. */
export class NameTagAtlas {
  readonly canvas: HTMLCanvasElement
  readonly texture: CanvasTexture
  private readonly ctx: CanvasRenderingContext2D
  private readonly drawn: (string | undefined)[] = []

  constructor() {
    this.canvas = document.createElement('canvas')
    this.canvas.width = ATLAS.cols * ATLAS.cellW
    this.canvas.height = ATLAS.rows * ATLAS.cellH
    const ctx = this.canvas.getContext('2d')
    if (!ctx) throw new Error('2D canvas is not available for name tags')
    this.ctx = ctx
    this.texture = new CanvasTexture(this.canvas)
    this.texture.colorSpace = SRGBColorSpace
    this.texture.flipY = false
  }

  /** Cell (column, row) for a slot, in cell units with row 0 at the top of the canvas. */
  cellOf(slot: number): [number, number] {
    const i = slot % ATLAS_CELLS
    return [i % ATLAS.cols, Math.floor(i / ATLAS.cols)]
  }

  /** Draws `label` into the slot's cell if it changed; returns true when the texture needs upload. */
  draw(slot: number, label: string, accent: string): boolean {
    const key = `${label}|${accent}`
    if (this.drawn[slot % ATLAS_CELLS] === key) return false
    this.drawn[slot % ATLAS_CELLS] = key
    const [cx, cy] = this.cellOf(slot)
    const x = cx * ATLAS.cellW
    const y = cy * ATLAS.cellH
    const c = this.ctx
    c.clearRect(x, y, ATLAS.cellW, ATLAS.cellH)
    c.font = '600 30px "Noto Sans SC", "Noto Sans CJK SC", system-ui, sans-serif'
    const text = fit(c, label, ATLAS.cellW - 36)
    const w = Math.min(ATLAS.cellW - 4, c.measureText(text).width + 36)
    const left = x + (ATLAS.cellW - w) / 2
    c.fillStyle = 'rgba(20, 28, 40, 0.82)'
    c.beginPath()
    c.roundRect(left, y + 8, w, ATLAS.cellH - 16, 22)
    c.fill()
    c.fillStyle = accent
    c.beginPath()
    c.arc(left + 16, y + ATLAS.cellH / 2, 6, 0, Math.PI * 2)
    c.fill()
    c.fillStyle = '#ffffff'
    c.textAlign = 'center'
    c.textBaseline = 'middle'
    c.fillText(text, left + w / 2 + 6, y + ATLAS.cellH / 2 + 1)
    return true
  }

  dispose(): void {
    this.texture.dispose()
  }
}

/** Shortens text with an ellipsis to fit `max` pixels. */
function fit(c: CanvasRenderingContext2D, s: string, max: number): string {
  if (c.measureText(s).width <= max) return s
  let t = s
  while (t.length > 1 && c.measureText(t + '…').width > max) t = t.slice(0, -1)
  return t + '…'
}
