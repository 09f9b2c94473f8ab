/** What the live-advisor feature keeps about a person, in their data export (GET /api/me/export, PIPL). */
export interface AdvisorDataExport {
  queue: { reference: string; topic: string; status: string; enqueuedAt: number }[]
  appointments: { id: string; startsAt: number; timeZone: string; topic: string; status: string }[]
  sessions: {
    reference: string
    role: string
    topic: string
    status: string
    startedAt: number
    rating: number | null
  }[]
  summaries: { sessionReference: string; discussed: string; nextSteps: string[]; disclosures: string[] }[]
  /** Advisors' notes and follow-ups about the person: personal data too, so they are part of the export. */
  notes: { sessionReference: string; text: string; at: number }[]
  followUps: { sessionReference: string; text: string; dueAt: number; doneAt: number | null }[]
  complaints: { reference: string; source: string; escalatedAt: number | null; response: string | null }[]
}
