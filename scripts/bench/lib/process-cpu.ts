// CPU seconds used by processes, from /proc (Linux): a figure that, unlike latency, does not move
// with what else runs on a shared machine.
import fs from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function statOf(pid: number): string[] | null {
  try {
    const raw = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: split after it.
    return raw.slice(raw.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** utime + stime of one process, in seconds (fields 14 and 15 of /proc/pid/stat). */
function cpuOf(pid: number): number {
  const f = statOf(pid);
  return f ? (Number(f[11]) + Number(f[12])) / TICKS_PER_SECOND : 0;
}

/** CPU seconds of every live process in process group `pgid` (a server started detached). */
export function processGroupCpu(pgid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const f = statOf(Number(entry));
    if (f && Number(f[2]) === pgid) total += cpuOf(Number(entry));
  }
  return total;
}

export function pidsCpu(pids: number[]): number {
  return pids.reduce((sum, pid) => sum + cpuOf(pid), 0);
}
