/**
 * A Rephraser for any OpenAI-compatible chat-completions endpoint (OpenAI, a local vLLM or llama.cpp server…).
 * Off unless the caller constructs it; the server decides from its configuration. Uses the platform `fetch`
 * (browsers, Node ≥ 18), looked up at call time so tests and callers can supply their own.
 */
import type { HostReply } from './contract.ts'
import type { Rephraser } from './rephraser.ts'

/** The parts of the Fetch API used here (common/ compiles without DOM or Node types). */
interface FetchResponse {
  ok: boolean
  status: number
  json(): Promise<unknown>
}
type Fetch = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: unknown },
) => Promise<FetchResponse>
interface Platform {
  fetch?: Fetch
  AbortController?: new () => { signal: unknown; abort(): void }
  setTimeout?: (fn: () => void, ms: number) => unknown
  clearTimeout?: (id: unknown) => void
}

/** Configuration of OpenAIRephraser. */
export interface OpenAIRephraserOptions {
  /** Base URL up to and including the version, e.g. https://api.openai.com/v1 (…/chat/completions is added). */
  baseUrl: string
  /** Sent as a Bearer token; omit for local servers without authentication. */
  apiKey?: string
  model: string
  /** Give up after this long and keep the original text. Default 4000 ms. */
  timeoutMs?: number
  /** Default: the global fetch. */
  fetch?: Fetch
}

/** The instructions: rewording only, no new facts, no advice (the output checks enforce the last part anyway). */
export const REPHRASE_SYSTEM_PROMPT =
  'You are the voice of a bank branch receptionist. Rewrite the given reply so it reads naturally when spoken ' +
  'to the visitor, in the same language as the reply (Simplified Chinese or English). Keep every fact, number ' +
  'and condition; add no new information; never recommend a product, never promise returns or safety of ' +
  'principal. Answer with the rewritten reply only, at most a few sentences.'

/** Rephrases through POST {baseUrl}/chat/completions. */
export class OpenAIRephraser implements Rephraser {
  constructor(private readonly options: OpenAIRephraserOptions) {}

  async rephrase(reply: HostReply, question: string): Promise<string> {
    const platform = globalThis as unknown as Platform
    const fetch = this.options.fetch ?? platform.fetch
    if (!fetch) throw new Error('no fetch in this environment')
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (this.options.apiKey) headers.authorization = `Bearer ${this.options.apiKey}`
    const body = JSON.stringify({
      model: this.options.model,
      temperature: 0.3,
      messages: [
        { role: 'system', content: REPHRASE_SYSTEM_PROMPT },
        { role: 'user', content: `Visitor asked: ${question}\nReply to rewrite (${reply.lang}): ${reply.text}` },
      ],
    })
    const controller = platform.AbortController ? new platform.AbortController() : undefined
    const timer = platform.setTimeout?.(() => controller?.abort(), this.options.timeoutMs ?? 4000)
    try {
      const url = `${this.options.baseUrl.replace(/\/+$/, '')}/chat/completions`
      const res = await fetch(url, { method: 'POST', headers, body, signal: controller?.signal })
      if (!res.ok) throw new Error(`rephraser endpoint answered ${res.status}`)
      const text = contentOf(await res.json())
      if (text === undefined) throw new Error('rephraser endpoint sent no message content')
      return text
    } finally {
      platform.clearTimeout?.(timer)
    }
  }
}

function contentOf(json: unknown): string | undefined {
  const choices = (json as { choices?: { message?: { content?: unknown } }[] } | null)?.choices
  const content = Array.isArray(choices) ? choices[0]?.message?.content : undefined
  return typeof content === 'string' ? content : undefined
}
