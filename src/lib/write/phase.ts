/**
 * Named points of the write phase, for the kill test: when NIANBAO_PAUSE_AT names a point, the
 * process prints `phase: NAME` on stderr there and then blocks until it is killed. So a test can
 * SIGKILL the run at a known point with no timing guess; NIANBAO_FAIL_AT makes that point fail
 * like a full disk. Unset (always, outside tests), this does nothing.
 */
let last = 0;
let lastCpu = process.cpuUsage();

export function phase(name: string): void {
  // NIANBAO_PHASE_TIMES: seconds since the previous point, the CPU seconds of all the process's
  // threads in that time (DuckDB's and zlib's included: below twice the seconds, a core was
  // idle on this 2-core machine), and the process's memory (resident, and this thread's
  // JavaScript heap), on stderr (for profiling the bench).
  if (process.env.NIANBAO_PHASE_TIMES) {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const m = process.memoryUsage();
    const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
    process.stderr.write(
      `phase ${name}: ${((now - last) / 1000).toFixed(2)} s, cpu ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s, rss ${mb(m.rss)}, heap ${mb(m.heapUsed)}\n`,
    );
    last = now;
    lastCpu = process.cpuUsage();
  }
  // NIANBAO_FAIL_AT: the same point fails as a full disk would (the error path of the run).
  if (process.env.NIANBAO_FAIL_AT === name)
    throw Object.assign(new Error('ENOSPC: no space left on device (simulated)'), { code: 'ENOSPC' });
  if (process.env.NIANBAO_PAUSE_AT !== name) return;
  process.stderr.write(`phase: ${name}\n`);
  // Block this thread for good; the test kills the process.
  for (;;) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000);
}
