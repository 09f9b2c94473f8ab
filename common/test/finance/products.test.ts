import { describe, expect, it } from 'vitest'

import productsFile from '../../../assets/finance/products.json' with { type: 'json' }
import { DEFAULT_ASSUMPTIONS } from '../../src/finance/assumptions.ts'
import {
  allocationFromHoldings,
  DEFAULT_PRODUCTS,
  loadProductCatalogue,
  riskLevelName,
} from '../../src/finance/products.ts'

describe('product catalogue', () => {
  it('rates every product R1–R5 with bilingual names and exposures to known asset classes', () => {
    const ids = new Set(DEFAULT_ASSUMPTIONS.assetClasses.map((a) => a.id))
    for (const p of DEFAULT_PRODUCTS.products) {
      expect(p.name['zh-CN']).toMatch(/[\u4e00-\u9fff]/)
      expect(p.name.en).toMatch(/[A-Za-z]/)
      for (const id of Object.keys(p.exposures)) expect(ids.has(id)).toBe(true)
    }
    expect(riskLevelName(DEFAULT_PRODUCTS, 'R4')).toEqual({ 'zh-CN': '中高风险', en: 'Medium-high' })
  })

  it('turns holdings into an asset-class allocation for the simulation', () => {
    const a = allocationFromHoldings(
      [
        { productId: 'balanced-mixed', weight: 0.5 },
        { productId: 'csi300-index', weight: 0.5 },
      ],
      DEFAULT_PRODUCTS,
    )
    expect(a).toEqual({ govBonds: 0.2, creditBonds: 0.1, csi300: 0.7 })
    expect(() => allocationFromHoldings([{ productId: 'csi300-index', weight: 0.5 }], DEFAULT_PRODUCTS)).toThrow(
      /sum to 0.5/,
    )
    expect(() => allocationFromHoldings([{ productId: 'nope', weight: 1 }], DEFAULT_PRODUCTS)).toThrow(
      /unknown product/,
    )
  })

  it('validates the file on load', () => {
    const f = structuredClone(productsFile) as unknown as { products: { exposures: Record<string, number> }[] }
    f.products[0]!.exposures = { cash: 0.5 }
    expect(() => loadProductCatalogue(f)).toThrow(/exposures sum to 0.5/)
    f.products[0]!.exposures = { crypto: 1 }
    expect(() => loadProductCatalogue(f)).toThrow(/unknown asset classes crypto/)
  })
})
