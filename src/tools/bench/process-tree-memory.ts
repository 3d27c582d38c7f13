/**
 * Peak memory of a process and all its descendants (Astro's node process, worker threads,
 * and any child such as pagefind's binary), sampled from /proc. `/usr/bin/time -v` reports
 * only the largest single process, which misses children that run beside Node; summing
 * VmRSS over the tree counts shared pages once per process, so it is an upper bound, which
 * is the honest side to err on for a memory budget.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every live process, from /proc/<pid>/stat. */
function parentMap(): Map<number, number> {
  const parents = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return parents;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 2 (comm) is parenthesised and may hold spaces; ppid is the 2nd field after it.
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(after[1]));
    } catch {
      // The process exited between readdir and read.
    }
  }
  return parents;
}

/** The pid and all its descendants. */
export function descendantsOf(root: number, parents: Map<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/** VmRSS in kB from the text of /proc/<pid>/status (0 for a zombie without one). */
export function rssKbFromStatus(status: string): number {
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) : 0;
}

function treeRssKb(root: number): number {
  let total = 0;
  for (const pid of descendantsOf(root, parentMap())) {
    try {
      total += rssKbFromStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
    } catch {
      // Exited meanwhile.
    }
  }
  return total;
}

/** Samples the tree under `root` every `intervalMs` until stopped; returns the peak in kB. */
export function watchTreeMemory(root: number, intervalMs = 200): { stop(): number } {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRssKb(root));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
