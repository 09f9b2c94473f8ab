import type { Complaints } from '../../services/advisors/Complaints.ts'

/** How often each process looks for complaints past their 24-hour deadline. */
export const SWEEP_INTERVAL_MS = 60_000

/**
 * Escalates overdue complaints every minute. Safe with several processes (each escalation is a conditional UPDATE);
 * the timer does not keep the process alive, and it stops itself once the database is closed.
 */
export function startComplaintSweep(complaints: Complaints, intervalMs = SWEEP_INTERVAL_MS): NodeJS.Timeout {
  const timer: NodeJS.Timeout = setInterval(() => {
    complaints.sweep().catch((e: unknown) => {
      if (e instanceof Error && /destroyed/i.test(e.message)) return clearInterval(timer)
      console.error('[advisors] complaint sweep failed:', e)
    })
  }, intervalMs)
  timer.unref()
  return timer
}
