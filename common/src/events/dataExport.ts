/** What the branch holds about a person from education events, in their data export (PIPL). */
export interface EventDataExport {
  registrations: { eventId: string; status: string; createdAt: number; updatedAt: number }[]
  attendance: { eventId: string; joinedAt: number; leftAt: number | null }[]
  questions: { eventId: string; text: string; status: string; createdAt: number }[]
  chat: { eventId: string; text: string; at: number }[]
  pollVotes: { pollId: number; choice: number; at: number }[]
  questionVotes: { questionId: number }[]
}
