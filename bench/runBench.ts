/**
 * Runs a benchmark's `main` and exits with its code (0 pass, 1 a bar missed), or 2 when it crashed;
 * `cleanup` (killing child processes) runs either way.
 */
export function runBench(name: string, main: () => Promise<number>, cleanup: () => void = () => {}): void {
  main().then(
    (code) => {
      cleanup()
      process.exit(code)
    },
    (e: unknown) => {
      process.stderr.write(`${name} benchmark failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
      cleanup()
      process.exit(2)
    },
  )
}
