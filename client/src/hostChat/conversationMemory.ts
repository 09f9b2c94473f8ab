const KEY = 'atrium.hostConversation'

/**
 * The id of the visitor's conversation with the host, per tab, so that a reload can show it again.
 * Only the id and its owner's pseudonymous id are kept, never a token: the server returns a
 * conversation only to the account or guest that holds it.
 */
export function rememberConversation(owner: string, conversationId: string, storage = sessionStorageOrNone()): void {
  try {
    storage?.setItem(KEY, JSON.stringify({ owner, conversationId }))
  } catch {
    // storage full or disabled: the conversation still lives in memory
  }
}

/** The remembered conversation id of `owner`, if any. */
export function recalledConversation(owner: string, storage = sessionStorageOrNone()): string | undefined {
  try {
    const v = JSON.parse(storage?.getItem(KEY) ?? 'null') as { owner?: unknown; conversationId?: unknown } | null
    return v?.owner === owner && typeof v.conversationId === 'string' ? v.conversationId : undefined
  } catch {
    return undefined
  }
}

export function forgetConversation(storage = sessionStorageOrNone()): void {
  try {
    storage?.removeItem(KEY)
  } catch {
    // nothing to forget
  }
}

function sessionStorageOrNone(): Storage | undefined {
  try {
    return globalThis.sessionStorage
  } catch {
    return undefined
  }
}
