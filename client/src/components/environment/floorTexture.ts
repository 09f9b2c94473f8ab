import { CanvasTexture, RepeatWrapping, SRGBColorSpace } from 'three'

/** Small deterministic PRNG so the stone looks the same on every load and in screenshots. */
function mulberry32(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A 2×2 block of near-white stone tiles with faint veins and fine joints, drawn on a canvas. The
 * floor's vertex colours tint it per zone, so one texture serves the whole branch.
 */
export function createFloorTexture(anisotropy: number): CanvasTexture {
  const size = 512
  const tile = size / 2
  const canvas = document.createElement('canvas')
  canvas.width = size
  canvas.height = size
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('2D canvas unavailable')
  const rand = mulberry32(7)

  for (let ty = 0; ty < 2; ty++) {
    for (let tx = 0; tx < 2; tx++) {
      const shade = 243 + Math.round(rand() * 8)
      ctx.fillStyle = `rgb(${shade},${shade},${shade - 1})`
      ctx.fillRect(tx * tile, ty * tile, tile, tile)
      ctx.save()
      ctx.beginPath()
      ctx.rect(tx * tile, ty * tile, tile, tile)
      ctx.clip()
      // soft veins: long, low-contrast curves crossing the tile
      for (let v = 0; v < 4; v++) {
        ctx.strokeStyle = `rgba(150,150,160,${0.05 + rand() * 0.07})`
        ctx.lineWidth = 0.8 + rand() * 2.2
        ctx.beginPath()
        const y0 = ty * tile + rand() * tile
        ctx.moveTo(tx * tile - 10, y0)
        ctx.bezierCurveTo(
          tx * tile + tile * 0.33,
          y0 + (rand() - 0.5) * tile,
          tx * tile + tile * 0.66,
          y0 + (rand() - 0.5) * tile,
          tx * tile + tile + 10,
          y0 + (rand() - 0.5) * tile * 0.6,
        )
        ctx.stroke()
      }
      ctx.restore()
    }
  }
  // faint speckle so large areas do not look like flat paint
  for (let i = 0; i < 2500; i++) {
    ctx.fillStyle = `rgba(120,120,120,${rand() * 0.06})`
    ctx.fillRect(rand() * size, rand() * size, 1.5, 1.5)
  }
  // joints on one edge of each tile only: the repeat supplies the other edge
  ctx.fillStyle = 'rgba(170,168,162,0.9)'
  for (const p of [0, tile]) {
    ctx.fillRect(p, 0, 2, size)
    ctx.fillRect(0, p, size, 2)
  }

  const texture = new CanvasTexture(canvas)
  texture.wrapS = RepeatWrapping
  texture.wrapT = RepeatWrapping
  texture.colorSpace = SRGBColorSpace
  texture.anisotropy = anisotropy
  return texture
}
