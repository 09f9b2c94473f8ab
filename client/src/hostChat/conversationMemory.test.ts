import { describe, expect, it } from 'vitest'

import { forgetConversation, recalledConversation, rememberConversation } from './conversationMemory.ts'

function memoryStorage(): Storage {
  const m = new Map<string, string>()
  return {
    get length() {
      return m.size
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  }
}

describe('conversation memory', () => {
  it('recalls the id only for the visitor who holds it', () => {
    const s = memoryStorage()
    rememberConversation('u_abc', 'c_12345678', s)
    expect(recalledConversation('u_abc', s)).toBe('c_12345678')
    expect(recalledConversation('g_other', s)).toBeUndefined()
    expect(s.getItem('atrium.hostConversation')).not.toMatch(/eyJ/)
    forgetConversation(s)
    expect(recalledConversation('u_abc', s)).toBeUndefined()
  })

  it('tolerates garbage and missing storage', () => {
    const s = memoryStorage()
    s.setItem('atrium.hostConversation', '{not json')
    expect(recalledConversation('u_abc', s)).toBeUndefined()
    expect(() => rememberConversation('u_abc', 'c_12345678', undefined)).not.toThrow()
    expect(recalledConversation('u_abc', undefined)).toBeUndefined()
  })
})
