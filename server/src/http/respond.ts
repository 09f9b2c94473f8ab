import type { IncomingMessage, ServerResponse } from 'node:http'

import type { ApiError } from '@atrium/common'
import type { ZodError } from 'zod'

/** Headers every response carries. The CSP allows only this origin (plus blob workers troika needs). */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data:; " +
    "connect-src 'self' blob: data:; worker-src 'self' blob:; media-src 'self' blob:; object-src 'none'; " +
    "base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(self), microphone=(self), xr-spatial-tracking=(self)',
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = JSON.stringify(body)
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  res.end(data)
}

/** Sends the one error shape: `{ error: { code, message } }`. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, zod?: ZodError): void {
  const body: ApiError = { error: { code, message } }
  if (zod) body.error.issues = zod.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
  sendJson(res, status, body)
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Reads a JSON body of at most `limit` bytes; throws HttpError 413/400/415. */
export async function readJson(req: IncomingMessage, limit = 4096): Promise<unknown> {
  const type = req.headers['content-type'] ?? ''
  if (!type.startsWith('application/json')) throw new HttpError(415, 'unsupported_media_type', 'send application/json')
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > limit) throw new HttpError(413, 'payload_too_large', `body exceeds ${limit} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > limit) throw new HttpError(413, 'payload_too_large', `body exceeds ${limit} bytes`)
    chunks.push(chunk)
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'invalid_json', 'body is not valid JSON')
  }
}
