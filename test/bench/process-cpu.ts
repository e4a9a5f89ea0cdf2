/**
 * CPU time spent by the bench's processes during a phase, so the figures say which side a turn's
 * cost sits on (driver + emulator, app, Lex). This process measures itself with
 * `process.cpuUsage()`; children are read from Linux's `/proc/<pid>/stat` (utime + stime, in clock
 * ticks of 1/100 s — USER_HZ, which is 100 on every mainstream Linux). Elsewhere the children's
 * figures are simply absent.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** CPU milliseconds used so far by `pid` (this process when `pid` is this one), or undefined. */
export function cpuMs(pid: number): number | undefined {
  if (pid === process.pid) {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
  try {
    // Fields after the `(comm)` one; utime and stime are fields 14 and 15 of the whole line.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').pop()?.trim().split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / TICKS_PER_SECOND : undefined;
  } catch {
    return undefined;
  }
}

/** Snapshots CPU time of `pids` (by role) now; the returned function gives ms used since, per role. */
export function startCpuMeter(pids: Record<string, number>): () => Record<string, number> {
  const start = Object.fromEntries(Object.entries(pids).map(([role, pid]) => [role, cpuMs(pid)]));
  return () => {
    const used: Record<string, number> = {};
    for (const [role, pid] of Object.entries(pids)) {
      const before = start[role];
      const now = cpuMs(pid);
      if (before !== undefined && now !== undefined) used[role] = now - before;
    }
    return used;
  };
}

/**
 * The pid of a direct child of this process whose command line contains `marker` (e.g. DynamoDB
 * Local's Java process, which its starter does not expose), or undefined (not found, not Linux).
 */
export function findChildPid(marker: string, parentPid: number = process.pid): number | undefined {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const parent = Number(
          readFileSync(`/proc/${entry}/stat`, 'utf8').split(')').pop()?.trim().split(' ')[1],
        );
        if (parent !== parentPid) continue;
        if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(marker)) return Number(entry);
      } catch {
        // The process ended while we looked.
      }
    }
  } catch {
    // No /proc: not Linux.
  }
  return undefined;
}
