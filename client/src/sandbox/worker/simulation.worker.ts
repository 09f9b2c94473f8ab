/**
 * The wealth-sandbox simulation worker (a module worker; see SimulationClient). Runs Monte Carlo jobs off the main
 * thread so the scene keeps its frame rate, reports throttled progress and honours cancel messages.
 */
import { createJobRunner } from './jobRunner.ts'
import type { ToWorker } from './protocol.ts'

// the client compiles against the DOM library, which has no DedicatedWorkerGlobalScope
const scope = self as unknown as {
  postMessage(message: unknown, transfer: Transferable[]): void
  onmessage: ((event: MessageEvent<ToWorker>) => void) | null
}

const runner = createJobRunner((message, transfer) => scope.postMessage(message, transfer))
scope.onmessage = (event) => runner.handle(event.data)
