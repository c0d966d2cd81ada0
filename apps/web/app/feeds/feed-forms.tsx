'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import {
  FeedsPage_AddFeedDocument,
  FeedsPage_PauseFeedDocument,
  FeedsPage_RemoveFeedDocument,
} from '@/__generated__/graphql';
import { describePayloadError } from '../ingest/_components/errors';

/** Runs a feed mutation; on success the server-rendered list is read again, on failure its sentence is shown. */
function useFeedMutation() {
  const client = useClient();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (
    send: () => Promise<{
      error?: { message: string } | null;
      payloadError: Parameters<typeof describePayloadError>[0] | undefined;
    }>,
  ) => {
    setBusy(true);
    setError(null);
    const r = await send();
    setBusy(false);
    if (r.error) setError(r.error.message);
    else if (r.payloadError) setError(describePayloadError(r.payloadError));
    else {
      router.refresh();
      return true;
    }
    return false;
  };
  return { run, error, busy, client };
}

const Alert = ({ error }: { error: string | null }) =>
  error ? (
    <p role="alert" className="state state-error">
      {error}
    </p>
  ) : null;

export function AddFeedForm() {
  const { run, error, busy, client } = useFeedMutation();
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const done = await run(async () => {
      const r = await client
        .mutation(FeedsPage_AddFeedDocument, {
          input: { url: String(data.get('url') ?? ''), intervalMinutes: Number(data.get('interval')) },
        })
        .toPromise();
      return { error: r.error ?? null, payloadError: r.data?.addFeed.error ?? (r.data ? undefined : null) };
    });
    if (done) form.reset();
  }
  return (
    <form className="card stack" onSubmit={submit} aria-label="Follow a feed">
      <div className="row">
        <label className="field">
          Feed address
          <input name="url" type="url" required placeholder="https://example.org/rss.xml" size={48} />
        </label>
        <label className="field">
          Poll every
          <select name="interval" defaultValue="15">
            {[5, 15, 30, 60, 180, 1440].map((m) => (
              <option key={m} value={m}>
                {m < 60 ? `${m} min` : `${m / 60} h`}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Follow
        </button>
      </div>
      <Alert error={error} />
    </form>
  );
}

export function FeedActions({ id, url, paused }: { id: string; url: string; paused: boolean }) {
  const { run, error, busy, client } = useFeedMutation();
  const toggle = () =>
    run(async () => {
      const r = await client.mutation(FeedsPage_PauseFeedDocument, { id, paused: !paused }).toPromise();
      return { error: r.error ?? null, payloadError: r.data?.pauseFeed.error ?? (r.data ? undefined : null) };
    });
  const remove = () =>
    run(async () => {
      const r = await client.mutation(FeedsPage_RemoveFeedDocument, { id }).toPromise();
      return { error: r.error ?? null, payloadError: r.data?.removeFeed.error ?? (r.data ? undefined : null) };
    });
  return (
    <div className="row">
      <button
        type="button"
        disabled={busy}
        onClick={() => void toggle()}
        aria-label={`${paused ? 'Resume' : 'Pause'} ${url}`}
      >
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" disabled={busy} onClick={() => void remove()} aria-label={`Remove ${url}`}>
        Remove
      </button>
      <Alert error={error} />
    </div>
  );
}
