import { ApiRequestError } from '../../auth/ApiRequestError.ts'
import { errorMessage, type Message } from '../../auth/errorMessage.ts'

/** Refusals that have their own explanation in the share section. */
const OWN = new Set(['not_found', 'session_full', 'nothing_to_confirm', 'confirmation_required', 'rate_limited'])

/** The message for a failed share request or a room error code. */
export function shareMessage(e: unknown): Message {
  const code = typeof e === 'string' ? e : e instanceof ApiRequestError ? e.code : undefined
  if (code && OWN.has(code) && !(e instanceof ApiRequestError && code === 'rate_limited'))
    return { key: `sandboxShare.errors.${code}` }
  if (typeof e === 'string') return { key: 'sandboxShare.errors.generic' }
  return errorMessage(e)
}
