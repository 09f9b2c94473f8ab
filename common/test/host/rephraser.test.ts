/// <reference types="node" />
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { HostReply } from '../../src/host/contract.ts'
import { OpenAIRephraser } from '../../src/host/openaiRephraser.ts'
import { rephraseSafely, type Rephraser } from '../../src/host/rephraser.ts'

const answer: HostReply = {
  kind: 'answer',
  lang: 'en',
  text: 'Branches open 9:00–17:00 on weekdays.',
  entryId: 'hours',
}

/** A fake OpenAI-compatible endpoint: replies with `next`, records what it was sent. */
let next: { status: number; content: string } = { status: 200, content: '' }
const seen: { auth?: string; body: { model: string; messages: { role: string; content: string }[] } }[] = []
let server: Server
let baseUrl = ''

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve) => {
    let data = ''
    req.on('data', (c: Buffer) => (data += c.toString()))
    req.on('end', () => resolve(data))
  })

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      seen.push({ auth: req.headers.authorization, body: JSON.parse(body) as (typeof seen)[number]['body'] })
      if (req.url !== '/v1/chat/completions') return void res.writeHead(404).end()
      res.writeHead(next.status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ choices: [{ message: { role: 'assistant', content: next.content } }] }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('OpenAIRephraser', () => {
  it('posts a chat completion with the model, key and reply, and returns the content', async () => {
    next = { status: 200, content: 'Our branches are open from 9:00 to 17:00, Monday to Friday.' }
    const r = new OpenAIRephraser({ baseUrl, apiKey: 'k-test', model: 'tiny' })
    const out = await rephraseSafely(r, answer, 'when are you open?')
    expect(out.text).toBe(next.content)
    expect(out.entryId).toBe('hours')
    const last = seen[seen.length - 1]!
    expect(last.auth).toBe('Bearer k-test')
    expect(last.body.model).toBe('tiny')
    expect(last.body.messages[1]!.content).toContain(answer.text)
  })

  it('keeps the original when the rephrased text fails the checks', async () => {
    const r = new OpenAIRephraser({ baseUrl, model: 'tiny' })
    for (const content of [
      'Branches open 9–17 and our funds offer guaranteed returns.',
      '网点工作日9:00–17:00营业。',
      '',
      'You should buy our fund.',
    ]) {
      next = { status: 200, content }
      expect((await rephraseSafely(r, answer, 'q')).text).toBe(answer.text)
    }
  })

  it('keeps the original on HTTP errors and unreachable endpoints', async () => {
    next = { status: 500, content: 'x' }
    expect((await rephraseSafely(new OpenAIRephraser({ baseUrl, model: 'm' }), answer, 'q')).text).toBe(answer.text)
    const dead = new OpenAIRephraser({ baseUrl: 'http://127.0.0.1:1/v1', model: 'm', timeoutMs: 500 })
    expect((await rephraseSafely(dead, answer, 'q')).text).toBe(answer.text)
  })

  it('never rephrases fixed safety wording', async () => {
    let called = false
    const spy: Rephraser = {
      rephrase: () => {
        called = true
        return Promise.resolve('changed')
      },
    }
    const warning: HostReply = { kind: 'fraud_warning', lang: 'en', text: 'Warning: this looks like a scam.' }
    expect((await rephraseSafely(spy, warning, 'q')).text).toBe(warning.text)
    expect(called).toBe(false)
    expect((await rephraseSafely(undefined, answer, 'q')).text).toBe(answer.text)
  })
})
