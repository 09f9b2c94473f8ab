import type { ContextPart, CustomerContextView, HandoffPacket } from '@atrium/common'

import type { AtriumDb } from '../../db/database.ts'
import { decide, Forbidden, type Principal } from '../../policy/policy.ts'
import type { AuditLog } from '../audit/AuditLog.ts'
import type { ConsentService } from '../privacy/ConsentService.ts'
import type { CustomerDataService } from '../privacy/CustomerDataService.ts'
import { notFound } from './AdvisorError.ts'
import type { AdvisorySessions } from './AdvisorySessions.ts'

/**
 * The customer's context in the advisor console. The session opens the door (its own advisor, while it runs); each
 * part behind it needs its consent, asked of the policy as a `customer.read`; what is not shown is listed with the
 * reason. Every opening, and every refused attempt, is one audit entry naming what was shown and withheld.
 */
export class AdvisorContext {
  constructor(
    private readonly handle: AtriumDb,
    private readonly sessions: AdvisorySessions,
    private readonly consents: ConsentService,
    private readonly data: CustomerDataService,
    private readonly audit: AuditLog,
  ) {}

  async open(who: Principal, reference: string): Promise<CustomerContextView> {
    const record = await this.sessions.recordContext(reference).catch(() => undefined)
    if (!record) {
      // an advisor probing references without a session is on the record too
      await this.refused(who, null, reference, 'no_session')
      throw notFound('session')
    }
    const customerId = record.ownerId
    const consents = await this.consents.granted(customerId)
    const door = decide(who, 'advisory.context', { ...record, consents })
    if (!door.allow) {
      await this.refused(who, customerId, reference, door.reason)
      throw new Forbidden(door.reason)
    }
    const withheld: CustomerContextView['withheld'] = []
    const shown: ContextPart[] = []
    const consented = decide(who, 'customer.read', { ownerId: customerId, consents }).allow

    const session = await this.handle.db
      .selectFrom('advisory_sessions as s')
      .leftJoin('handoffs as h', 'h.reference', 's.reference')
      .select(['s.source', 'h.packet'])
      .where('s.reference', '=', reference)
      .executeTakeFirstOrThrow()
    // the host conversation is what the customer handed over when asking for a person: no hand-off, no conversation
    const packet = session.packet ? (JSON.parse(session.packet) as HandoffPacket) : undefined
    const hostConversation = packet && packet.conversation.length > 0 ? packet.conversation : null
    if (hostConversation) shown.push('host_conversation')
    else withheld.push({ part: 'host_conversation', reason: 'unavailable' })

    let plans: CustomerContextView['plans'] = null
    let questionnaire: CustomerContextView['questionnaire'] = null
    let events: CustomerContextView['events'] = null
    if (consented) {
      const [planRows, profile] = await Promise.all([this.data.plans(customerId), this.data.profile(customerId)])
      plans = planRows.map((p) => ({ name: p.name, updatedAt: p.updatedAt, data: p.data }))
      shown.push('plans')
      if (profile) {
        questionnaire = { answers: profile.answers, answeredAt: profile.updatedAt }
        shown.push('questionnaire')
      } else withheld.push({ part: 'questionnaire', reason: 'unavailable' })
      events = await this.eventsAttended(customerId)
      if (events) shown.push('events')
      else withheld.push({ part: 'events', reason: 'unavailable' })
    } else {
      for (const part of ['plans', 'questionnaire', 'events'] as const) withheld.push({ part, reason: 'no_consent' })
    }

    await this.audit.append({
      actor: who,
      action: 'customer.read',
      subjectId: customerId,
      detail: {
        allowed: true,
        basis: door.reason,
        purpose: 'advice',
        reference,
        fields: shown,
        withheld: withheld.map((w) => w.part),
      },
    })
    const customer = await this.sessions.parties(reference)
    const name = customer?.participants.find((p) => p.id === customerId)?.displayName ?? ''
    return { customer: { id: customerId, displayName: name }, hostConversation, plans, questionnaire, events, withheld }
  }

  /** Education events the customer attended (the events feature's attendance table); null when none or unreadable. */
  private async eventsAttended(customerId: string): Promise<CustomerContextView['events']> {
    try {
      const rows = await this.handle.db
        .selectFrom('event_attendance as a')
        .innerJoin('events as e', 'e.id', 'a.event_id')
        .select(['e.title', 'a.joined_at'])
        .where('a.user_id', '=', customerId)
        .orderBy('a.joined_at', 'desc')
        .limit(20)
        .execute()
      if (rows.length === 0) return null
      return rows.map((r) => {
        const t = JSON.parse(r.title) as { en?: string; 'zh-CN'?: string }
        return { title: t.en ?? t['zh-CN'] ?? '', at: r.joined_at }
      })
    } catch (e) {
      console.error('[advisors] events attended unreadable:', e)
      return null
    }
  }

  private async refused(who: Principal, customerId: string | null, reference: string, reason: string): Promise<void> {
    if (who.role === 'customer' || who.role === 'guest') return
    await this.audit.append({
      actor: who,
      action: 'customer.read',
      subjectId: customerId,
      detail: { allowed: false, reason, purpose: 'advice', reference },
    })
  }
}
