import { EV_S2C, PollState, RaisedHand } from '@atrium/common'
import { ArraySchema } from '@colyseus/schema'

import type { EventServices } from '../../services/events/createEventServices.ts'
import type { PollSnapshot } from '../../services/events/PollService.ts'
import type { StageEvent, StageFields } from '../../services/events/StageBus.ts'
import type { AuditoriumClient, AuditoriumRoomInstance } from './AuditoriumRoom.ts'

/** Q&A changes within this window go out as one update per attendee. */
const QA_COALESCE_MS = 200

/** WebSocket close code for an attendee the host removed. */
export const CLOSE_REMOVED = 4403

/**
 * Keeps one auditorium instance's state equal to the event-wide stage: loads it on creation, then applies every
 * change announced on the event's presence channel (whichever instance or process made it).
 */
export class StageSync {
  private speakers = new Set<string>()
  private qaTimer: ReturnType<typeof setTimeout> | undefined
  private pollTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly room: AuditoriumRoomInstance,
    private readonly ev: EventServices,
    private readonly eventId: string,
  ) {}

  private get state() {
    return this.room.state
  }

  /** Reads the whole stage: phase, deck, page, spotlight, recording, hands, speakers, the latest poll. */
  async load(): Promise<void> {
    const row = await this.ev.events.row(this.eventId)
    this.state.phase = row.status
    await this.loadDeck()
    await this.loadStage()
    await this.loadHands()
    await this.loadSpeakers()
    const poll = await this.ev.polls.latest(this.eventId)
    if (poll) this.setPoll(poll)
  }

  isSpeaker(userId: string): boolean {
    return this.speakers.has(userId)
  }

  async apply(e: StageEvent): Promise<void> {
    switch (e.t) {
      case 'stage':
        this.setStage(e.stage)
        // a slide change goes out now rather than at the next patch tick
        this.room.broadcastPatch()
        return
      case 'deck':
        return this.loadDeck()
      case 'hands':
        return this.loadHands()
      case 'phase':
        this.state.phase = e.phase
        return
      case 'poll':
        return this.setPoll(e.poll)
      case 'vote': {
        const poll = this.state.poll
        if (poll.id === e.pollId && e.choice < poll.counts.length)
          poll.counts[e.choice] = (poll.counts[e.choice] ?? 0) + 1
        return
      }
      case 'quiz':
        return this.sendQuizResults(e.pollId)
      case 'qa':
        this.qaTimer ??= setTimeout(() => {
          this.qaTimer = undefined
          void this.sendQuestions(this.room.clients as unknown as AuditoriumClient[])
        }, QA_COALESCE_MS)
        return
      case 'chat':
        this.room.broadcast(EV_S2C.chat, e.line)
        return
      case 'speakers':
        return this.loadSpeakers()
      case 'muteAll':
        for (const c of this.room.clients as unknown as AuditoriumClient[]) if (!c.auth?.host) c.send(EV_S2C.muted, {})
        return
      case 'remove':
        for (const c of this.room.clients as unknown as AuditoriumClient[]) {
          if (c.auth?.id === e.userId) c.leave(CLOSE_REMOVED, 'removed by the host')
        }
        return
    }
  }

  /** Sends each client the questions it may see: one database read for the whole instance. */
  async sendQuestions(clients: readonly AuditoriumClient[]): Promise<void> {
    if (clients.length === 0) return
    const snap = await this.ev.qa.snapshot(this.eventId)
    for (const c of clients) c.send(EV_S2C.questions, snap.for(c.auth?.id ?? '', c.auth?.host ?? false))
  }

  dispose(): void {
    clearTimeout(this.qaTimer)
    clearTimeout(this.pollTimer)
  }

  private async loadStage(): Promise<void> {
    this.setStage(await this.ev.stage.stage(this.eventId))
  }

  private setStage(s: StageFields): void {
    this.state.page = Math.min(s.page, Math.max(0, this.state.slides - 1))
    this.state.spotlight = s.spotlight
    this.state.recording = s.recording
  }

  private async loadDeck(): Promise<void> {
    const d = await this.ev.slides.deck(this.eventId)
    this.state.slides = d.slides
    this.state.slideVersion = d.version
  }

  private async loadHands(): Promise<void> {
    const hands = await this.ev.stage.hands(this.eventId)
    this.state.hands.splice(0, this.state.hands.length)
    for (const h of hands) this.state.hands.push(new RaisedHand().assign({ id: h.id, name: h.name, at: h.at }))
    const up = new Set(hands.map((h) => h.id))
    this.state.attendees.forEach((a) => (a.hand = up.has(a.id)))
  }

  private async loadSpeakers(): Promise<void> {
    const list = await this.ev.stage.speakers(this.eventId)
    this.speakers = new Set(list.map((s) => s.id))
    this.state.speakers.splice(0, this.state.speakers.length)
    for (const s of list) this.state.speakers.push(new RaisedHand().assign({ id: s.id, name: s.name, at: s.at }))
    this.state.attendees.forEach((a) => (a.speaker = this.speakers.has(a.id)))
  }

  private setPoll(p: PollSnapshot): void {
    const poll = new PollState()
    poll.assign({ id: p.id, question: p.question, quiz: p.quiz, endsAt: p.endsAt, open: p.open })
    poll.options = new ArraySchema<string>(...p.options)
    poll.counts = new ArraySchema<number>(...p.counts)
    this.state.poll = poll
    clearTimeout(this.pollTimer)
    // every instance closes the poll on its own clock too, in case the opener's instance is gone
    if (p.open) this.pollTimer = setTimeout(() => (poll.open = false), Math.max(0, p.endsAt - Date.now()))
  }

  private async sendQuizResults(pollId: number): Promise<void> {
    const answers = await this.ev.polls.quizAnswers(pollId)
    for (const c of this.room.clients as unknown as AuditoriumClient[]) {
      const right = answers.get(c.auth?.id ?? '')
      if (right !== undefined) c.send(EV_S2C.quizResult, { pollId, right })
    }
  }
}
