import type { ChildProcess } from 'node:child_process'

/**
 * Waits for a server child process (server/src/index.ts with stdout piped) to print its address.
 * Resolves with the address and everything printed up to then (demo accounts are printed before it);
 * rejects when the process exits first or after `timeoutMs`.
 */
export function waitForOpen(child: ChildProcess, timeoutMs = 30_000): Promise<{ url: string; output: string }> {
  let output = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within ${timeoutMs / 1000} s`)), timeoutMs)
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const m = /Atrium is open at (http:\/\/[^\s/]+)/.exec(output)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve({ url: m[1], output })
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code}`))
    })
  })
}
