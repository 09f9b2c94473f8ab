/** Limits of investor-education events, shared by server validation and client forms. */
export const EVENT_LIMITS = {
  titleMax: 120,
  descriptionMax: 4000,
  maxDurationMinutes: 8 * 60,
  /** Registrations per event (overflow instances seat everyone beyond one auditorium). */
  maxCapacity: 5000,
  /** Attendees per auditorium instance; the next one opens an overflow instance. */
  seatsPerInstance: 200,
  /** Seats drawn in the 3D auditorium (layout.ts); attendees beyond stand at the back, still counted. */
  drawnSeats: 144,
  slideMaxBytes: 4 * 1024 * 1024,
  maxSlides: 200,
  questionMax: 300,
  pollQuestionMax: 200,
  pollOptionMax: 80,
  pollOptionsMin: 2,
  pollOptionsMax: 6,
  pollSecondsMax: 600,
  /** Seconds a seated attendee waits between head-yaw updates. */
  seatedPoseSeconds: 1,
  /** Share of quiz questions answered correctly to pass. */
  quizPassShare: 0.6,
} as const
