'use client';
// A batch of files goes onto the ingestion queue in one call; the page then polls the queue for each job's
// state (queued, active, completed, failed with the reason) until every job is finished.
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import {
  IngestPage_EnqueueDocument,
  IngestPage_JobsDocument,
  type IngestArticleInput,
  type IngestPage_JobsQuery,
} from '@/__generated__/graphql';
import { describePayloadError } from './errors';

type Job = IngestPage_JobsQuery['ingestJobs'][number];
export interface BatchRow {
  name: string;
  sent: boolean;
  jobId: string | null;
  note: string | null;
  job: Job | null;
}

const MAX_BYTES = 2 * 1024 * 1024;
const POLL_MS = 1000;
/** After this long with every job still waiting, say that no worker seems to be running. */
const STALL_MS = 15_000;
const FINISHED = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

const finished = (r: BatchRow) => r.jobId === null || (r.job !== null && FINISHED.has(r.job.state));

export function useIngestBatch() {
  const client = useClient();
  const [rows, setRows] = useState<BatchRow[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [stalled, setStalled] = useState(false);
  const [running, setRunning] = useState(false);
  const run = useRef(0);
  useEffect(() => () => void run.current++, []);

  const start = async (files: File[], meta: Omit<IngestArticleInput, 'text' | 'format'>) => {
    const mine = ++run.current;
    setError(null);
    setStalled(false);
    setRunning(true);
    // Files that cannot be articles are reported here and never sent; the rest go in one enqueue call.
    const local: BatchRow[] = [];
    const send: { row: BatchRow; input: IngestArticleInput }[] = [];
    for (const f of files) {
      const text = f.size > MAX_BYTES ? '' : await f.text();
      const note =
        f.size > MAX_BYTES
          ? `Larger than ${MAX_BYTES / 1024 / 1024} MB; split it or trim the page first.`
          : !text.trim()
            ? 'The file is empty.'
            : null;
      const row: BatchRow = { name: f.name, sent: !note, jobId: null, note, job: null };
      local.push(row);
      if (!note) send.push({ row, input: { ...meta, text, format: /\.html?$/i.test(f.name) ? 'HTML' : 'TEXT' } });
    }
    if (send.length) {
      const r = await client.mutation(IngestPage_EnqueueDocument, { inputs: send.map((s) => s.input) }).toPromise();
      const p = r.data?.enqueueArticles;
      if (r.error || !p?.ok) {
        setError(
          r.error
            ? r.error.message
            : describePayloadError(p?.error ?? null, (i) => send[i]?.row.name ?? `file ${i + 1}`),
        );
        setRunning(false);
        return;
      }
      for (const j of p.ok.jobs) {
        const row = send[j.index]!.row;
        row.jobId = j.jobId;
        if (j.status === 'ALREADY_QUEUED') row.note = 'Already waiting in the queue (sent before); not queued twice.';
      }
    }
    setRows([...local]);
    const began = Date.now();
    let current = local;
    while (run.current === mine && !current.every(finished)) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      const ids = current.flatMap((row) => (row.jobId ? [row.jobId] : []));
      const r = await client.query(IngestPage_JobsDocument, { ids }, { requestPolicy: 'network-only' }).toPromise();
      if (run.current !== mine) return;
      if (r.error) {
        setError(
          `Cannot read the queue: ${r.error.message}. The files are queued; reload this page later or check the explorer.`,
        );
        break;
      }
      const byId = new Map((r.data?.ingestJobs ?? []).map((j) => [j.id, j]));
      current = current.map((row) => ({ ...row, job: (row.jobId && byId.get(row.jobId)) || row.job }));
      setRows(current);
      setStalled(
        Date.now() - began > STALL_MS && current.every((row) => row.jobId === null || row.job?.state === 'QUEUED'),
      );
    }
    if (run.current === mine) setRunning(false);
  };

  return { rows, error, stalled, running, start };
}

const STATE_TEXT: Record<string, string> = {
  QUEUED: 'queued',
  ACTIVE: 'extracting…',
  RETRYING: 'retrying',
  COMPLETED: 'stored',
  FAILED: 'failed',
  CANCELLED: 'cancelled',
};

export function BatchProgress({ rows, error, stalled, running }: Omit<ReturnType<typeof useIngestBatch>, 'start'>) {
  if (!rows.length && !error) return null;
  const done = rows.filter(finished).length;
  return (
    <section className="card stack" aria-labelledby="batch-title" data-testid="batch">
      <h2 id="batch-title" style={{ marginTop: 0 }}>
        Batch
      </h2>
      {error ? (
        <div className="state state-error" role="alert">
          Nothing was queued: {error}
        </div>
      ) : null}
      {rows.length ? (
        <>
          <div className="row">
            <progress max={rows.length} value={done} aria-label="Batch progress">
              {done} of {rows.length}
            </progress>
            <span className="small" role="status" aria-live="polite">
              {running ? `${done} of ${rows.length} finished…` : `Finished ${done} of ${rows.length}.`}
            </span>
          </div>
          {stalled ? (
            <p className="state" role="note">
              No ingestion worker has picked these up yet. Start one with <code>npm run worker</code>; the files stay
              queued until then.
            </p>
          ) : null}
          <table className="claims">
            <caption className="visually-hidden">State of each file</caption>
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">State</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${i}:${r.name}`} data-testid="batch-row">
                  <td>{r.name}</td>
                  <td data-testid="batch-state">
                    {r.job ? STATE_TEXT[r.job.state] : !r.sent ? 'not sent' : r.jobId ? 'queued' : 'already queued'}
                  </td>
                  <td className="small">
                    {r.job?.error ? <span role="alert">{r.job.error.message}</span> : null}
                    {r.job?.article ? (
                      <>
                        {r.job.created ? `${r.job.claimCount ?? 0} claims from ` : 'Already stored: '}
                        <Link href={`/?source=${encodeURIComponent(r.job.article.source.id)}`}>
                          {r.job.article.title ?? 'untitled'} ({r.job.article.source.name})
                        </Link>
                      </>
                    ) : null}
                    {!r.job && r.note ? r.note : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </section>
  );
}
