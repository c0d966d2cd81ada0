// Reading ingest jobs back (state, attempts, output) for progress displays; the queue itself is in queue.ts.
import { INGEST_QUEUE, type IngestQueue } from './queue.js';

/** pg-boss job states. `retry` waits for another attempt; `failed` has used them all. */
export type IngestJobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed';

export interface IngestJobStatus {
  id: string;
  /** Workspace from the job's payload (callers show a job only to its own workspace). */
  workspaceId: number | null;
  state: IngestJobState;
  retryCount: number;
  createdOn: Date;
  startedOn: Date | null;
  completedOn: Date | null;
  /** What the worker returned (see runWorker), or the error of a failed attempt. */
  output: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The ingest jobs with these ids, live or archived (pg-boss moves finished jobs to its archive table
 * after a while). Unknown ids are left out; ids that are not UUIDs cannot be job ids and are skipped.
 */
export async function ingestJobStates(queue: IngestQueue, ids: readonly string[]): Promise<IngestJobStatus[]> {
  const wanted = ids.filter((id) => UUID.test(id));
  if (!wanted.length) return [];
  const columns = `id::text, (data->>'workspaceId')::int AS "workspaceId", state::text, retry_count AS "retryCount",
    created_on AS "createdOn", started_on AS "startedOn", completed_on AS "completedOn", output`;
  const { rows } = await queue.boss.getDb().executeSql(
    `SELECT ${columns} FROM pgboss.job WHERE name = $1 AND id = ANY($2::uuid[])
     UNION ALL SELECT ${columns} FROM pgboss.archive WHERE name = $1 AND id = ANY($2::uuid[])`,
    [INGEST_QUEUE, wanted],
  );
  return rows as IngestJobStatus[];
}
