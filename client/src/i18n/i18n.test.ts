import { describe, expect, it } from 'vitest'

import { en } from './en.ts'
import { zhCN } from './zhCN.ts'

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  )
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort()
}

describe('translations', () => {
  it('have the same keys in zh-CN and en, none empty', () => {
    expect(keys(zhCN).sort()).toEqual(keys(en).sort())
    for (const k of keys(en)) {
      const get = (o: object) => k.split('.').reduce<unknown>((a, p) => (a as Record<string, unknown>)[p], o) as string
      expect(get(en).length, k).toBeGreaterThan(0)
      expect(get(zhCN).length, k).toBeGreaterThan(0)
      expect(placeholders(get(zhCN)), k).toEqual(placeholders(get(en)))
    }
  })
})
