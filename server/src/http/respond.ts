import type { IncomingMessage, ServerResponse } from 'node:http'

import type { ApiError } from '@atrium/common'
import type { ZodError } from 'zod'

/**
 * The Content-Security-Policy: this origin only (plus blob workers troika needs), and the LiveKit
 * server when one is configured. No inline scripts.
 */
export function contentSecurityPolicy(livekitUrl?: string): string {
  const extra = livekitUrl ? ` ${livekitUrl} ${livekitUrl.replace(/^ws/, 'http')}` : ''
  return (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
    `connect-src 'self' blob: data:${extra}; worker-src 'self' blob:; media-src 'self' blob:; object-src 'none'; ` +
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
  )
}

/**
 * Headers every response carries. The Content-Security-Policy depends on the server's config (the LiveKit URL), so
 * the HTTP server sets it on each response before a handler runs (app.ts), not here.
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(self), xr-spatial-tracking=(self)',
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const data = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.end(data)
}

/** An empty success (204) with the usual headers. */
export function sendNoContent(res: ServerResponse, headers: Record<string, string> = {}): void {
  res.writeHead(204, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...headers })
  res.end()
}

/** Sends the one error shape: `{ error: { code, message } }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  zod?: ZodError,
  headers: Record<string, string> = {},
): void {
  const body: ApiError = { error: { code, message } }
  if (zod) body.error.issues = zod.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  sendJson(res, status, body, headers)
}

/** A refusal with its status and code; thrown anywhere below a handler. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly zod?: ZodError,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** Reads a JSON body of at most `limit` bytes; throws HttpError 413/400/415. */
export async function readJson(req: IncomingMessage, limit = 4096): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  if (!type.startsWith('application/json')) throw new HttpError(415, 'unsupported_media_type', 'send application/json')
  const text = await readRawBody(req, limit)
  try {
    return JSON.parse(text)
  } catch {
    throw new HttpError(400, 'invalid_json', 'body is not valid JSON')
  }
}

/** Reads a body of at most `limit` bytes as text, whatever its type (for signed bodies that must stay as sent). */
export async function readRawBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new HttpError(413, 'payload_too_large', `body exceeds ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, 'payload_too_large', `body exceeds ${limit} bytes`)
    chunks.push(chunk)
  }
  return Buffer.concat(chunks).toString('utf8')
}
