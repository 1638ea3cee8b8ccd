/**
 * Named points of the write phase, for the kill test: when NIANBAO_PAUSE_AT names a point, the
 * process prints `phase: NAME` on stderr there and then blocks until it is killed. So a test can
 * SIGKILL the run at a known point with no timing guess. Unset (always, outside tests), this
 * does nothing.
 */
export function phase(name: string): void {
  if (process.env.NIANBAO_PAUSE_AT !== name) return;
  process.stderr.write(`phase: ${name}\n`);
  // Block this thread for good; the test kills the process.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
