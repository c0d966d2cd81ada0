// Shared by bench/api's scripts: command-line flags, the explorer's filter, CPU time of a process and of PostgreSQL.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : dflt;
};

/** The explorer's case: the most-claimed actor, outlets leaning right. */
export const EXPLORER = { actorId: 1, label: { scheme: 'lean', value: 'right' } };

const TICK_MS = 10; // Linux reports process times in clock ticks of 1/100 s

/** utime + stime (+ the reaped children's, with `children`) of a process in ms, from /proc. */
async function stat(pid: number, children: boolean): Promise<{ ms: number; ppid: number }> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8');
  const f = text.slice(text.lastIndexOf(')') + 2).split(' '); // fields from the 3rd on (the name may hold spaces)
  const t = (i: number) => Number(f[i - 3]);
  return { ms: (t(14) + t(15) + (children ? t(16) + t(17) : 0)) * TICK_MS, ppid: t(4) };
}

export async function processCpu(pid: number): Promise<number> {
  return (await stat(pid, false)).ms;
}

/**
 * CPU of the PostgreSQL server on `dataDir` in ms: the postmaster with the exited children it reaped (parallel
 * workers come and go) plus every live backend.
 */
export async function postgresCpu(dataDir: string): Promise<number> {
  const postmaster = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  let ms = (await stat(postmaster, true)).ms;
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = await stat(Number(name), false).catch(() => null);
    if (s?.ppid === postmaster) ms += s.ms;
  }
  return ms;
}
