// Each fault test's measured outcome, appended to one JSON-lines file (FAULTS_REPORT, default
// <tmp>/claimgraph-faults.jsonl) and printed: the rows of docs/reliability.md's table.
import { appendFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface FaultRow {
  fault: string;
  expected: string;
  observed: string;
}

export const REPORT = process.env.FAULTS_REPORT ?? path.join(os.tmpdir(), 'claimgraph-faults.jsonl');

export async function recordFault(row: FaultRow): Promise<void> {
  const line = JSON.stringify({ at: new Date().toISOString(), ...row });
  process.stdout.write(`[fault] ${line}\n`);
  await appendFile(REPORT, `${line}\n`);
}
