import { createReadStream, readFileSync } from 'node:fs';
import Papa from 'papaparse';

/** Peak resident set of this process (VmHWM), MB, rounded; null where /proc is not there. */
export function vmHwmMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/** CPU seconds (user + system, all threads) since `from`: a rate that a busy machine distorts far less than wall time. */
export function cpuSeconds(from: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(from);
  return (u.user + u.system) / 1e6;
}

/**
 * The floor any CSV import pays: a bare papaparse parse of the file, streamed as the import reads
 * it. Prints its figures as one JSON line, for a parent process that runs it on its own so its
 * memory does not count against the import's.
 */
export async function measureBareParse(file: string): Promise<void> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let rows = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse(createReadStream(file, { highWaterMark: 1 << 20, encoding: 'utf8' }) as unknown as File, {
      chunk: (r: Papa.ParseResult<unknown>) => void (rows += r.data.length),
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuSeconds(c0);
  rows -= 1;
  console.log(JSON.stringify({
    bareParseSeconds: +seconds.toFixed(2), bareParseRowsPerSec: Math.round(rows / seconds),
    bareCpuSeconds: +cpu.toFixed(2), bareRowsPerCpuSec: Math.round(rows / cpu), bareVmHwmMb: vmHwmMb(),
  }));
}
