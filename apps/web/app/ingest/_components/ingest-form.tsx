'use client';
// Paste an article, preview what the extractor finds (nothing is stored), then save it and see what was
// stored. Uploaded files go onto the ingestion queue as one batch, with each job's state read back from the queue.
import Link from 'next/link';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useClient } from 'urql';
import {
  IngestPage_IngestArticleDocument,
  IngestPage_PreviewDocument,
  type IngestPage_IngestArticleMutation,
} from '@/__generated__/graphql';
import { ClaimList } from '@/components/claim-list';
import { BatchProgress, useIngestBatch } from './batch';
import { describePayloadError } from './errors';
import { ExtractionPreview, type Preview } from './preview';

type Saved = NonNullable<IngestPage_IngestArticleMutation['ingestArticle']['ok']>;
type Step =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'preview'; preview: Preview }
  | { kind: 'saved'; saved: Saved }
  | { kind: 'error'; message: string };

const MAX_BYTES = 2 * 1024 * 1024;

export function IngestForm({ outlets }: { outlets: string[] }) {
  const client = useClient();
  const [text, setText] = useState('');
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const batch = useIngestBatch();
  // Files chosen before the page hydrated fired no onChange: pick them up once React runs.
  const fileInput = useRef<HTMLInputElement>(null);
  useEffect(() => setFiles([...(fileInput.current?.files ?? [])]), []);

  const meta = () => ({
    ...(outlet.trim() ? { outlet: outlet.trim() } : {}),
    ...(publishedAt ? { publishedAt } : {}),
  });
  const input = () => ({
    ...meta(),
    text,
    format: /^\s*</.test(text) ? ('HTML' as const) : ('TEXT' as const),
    ...(url.trim() ? { url: url.trim() } : {}),
  });
  // A changed input makes the preview stale: go back to the first step.
  const edit = (set: (v: string) => void, v: string) => {
    set(v);
    if (step.kind !== 'busy') setStep({ kind: 'idle' });
  };
  const networkMessage = (e: { networkError?: Error; message: string }) =>
    e.networkError ? `Cannot reach the API: ${e.networkError.message}` : e.message;

  const preview = async (e: FormEvent) => {
    e.preventDefault();
    if (files.length) return void batch.start(files, meta());
    if (new Blob([text]).size > MAX_BYTES)
      return setStep({
        kind: 'error',
        message: `The text is larger than ${MAX_BYTES / 1024 / 1024} MB; trim the page first.`,
      });
    setStep({ kind: 'busy', what: 'Extracting (nothing is stored yet)…' });
    const r = await client
      .query(IngestPage_PreviewDocument, { input: input() }, { requestPolicy: 'network-only' })
      .toPromise();
    const p = r.data?.previewArticle;
    if (r.error) return setStep({ kind: 'error', message: networkMessage(r.error) });
    setStep(
      p?.ok ? { kind: 'preview', preview: p.ok } : { kind: 'error', message: describePayloadError(p?.error ?? null) },
    );
  };

  const save = async () => {
    setStep({ kind: 'busy', what: 'Saving…' });
    const r = await client.mutation(IngestPage_IngestArticleDocument, { input: input() }).toPromise();
    const p = r.data?.ingestArticle;
    if (r.error) return setStep({ kind: 'error', message: networkMessage(r.error) });
    setStep(
      p?.ok ? { kind: 'saved', saved: p.ok } : { kind: 'error', message: describePayloadError(p?.error ?? null) },
    );
  };

  const busy = step.kind === 'busy' || batch.running;
  return (
    <>
      <form className="card stack" onSubmit={preview} aria-describedby="ingest-help">
        <p id="ingest-help" className="small muted">
          Name the outlet as it calls itself (e.g. “Press TV”); a new name creates an unlabelled outlet you can label
          later.
        </p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="in-outlet">Outlet</label>
            <input
              id="in-outlet"
              list="known-outlets"
              value={outlet}
              onChange={(e) => edit(setOutlet, e.target.value)}
              placeholder="Choose or type a new outlet"
            />
            <datalist id="known-outlets">
              {outlets.map((o) => (
                <option key={o} value={o} />
              ))}
            </datalist>
          </div>
          <div className="field">
            <label htmlFor="in-date">Published (optional)</label>
            <input
              id="in-date"
              type="date"
              value={publishedAt}
              onChange={(e) => edit(setPublishedAt, e.target.value)}
            />
          </div>
        </div>
        <div className="field">
          <label htmlFor="in-url">Article URL (optional)</label>
          <input
            id="in-url"
            type="url"
            value={url}
            onChange={(e) => edit(setUrl, e.target.value)}
            placeholder="https://…"
            disabled={files.length > 0}
          />
        </div>
        <div className="field">
          <label htmlFor="in-text">Article text</label>
          <textarea
            id="in-text"
            value={text}
            onChange={(e) => edit(setText, e.target.value)}
            disabled={files.length > 0}
            placeholder="Paste the article here (plain text or HTML)…"
          />
        </div>
        <div className="field">
          <label htmlFor="in-files">…or upload files (.txt, .html; they are queued for the ingestion worker)</label>
          <input
            id="in-files"
            ref={fileInput}
            type="file"
            multiple
            accept=".txt,.text,.html,.htm,text/plain,text/html"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </div>
        <div className="row">
          <button className="primary" type="submit" disabled={busy || (!files.length && !text.trim())}>
            {files.length ? `Queue ${files.length} file${files.length > 1 ? 's' : ''}` : 'Preview extraction'}
          </button>
          {!files.length ? (
            <button type="button" onClick={save} disabled={busy || !text.trim()}>
              Extract and save
            </button>
          ) : null}
        </div>
        <p className="small muted" role="status" aria-live="polite">
          {step.kind === 'busy'
            ? step.what
            : step.kind === 'preview'
              ? 'Preview ready: nothing is stored until you save.'
              : step.kind === 'saved'
                ? 'Saved.'
                : ''}
        </p>
      </form>

      {step.kind === 'error' ? (
        <div className="state state-error" role="alert" data-testid="ingest-error">
          Not stored: {step.message}
        </div>
      ) : null}
      {step.kind === 'preview' ? (
        <section className="card stack" aria-labelledby="preview-title">
          <h2 id="preview-title" style={{ marginTop: 0 }}>
            Preview (not saved)
          </h2>
          <ExtractionPreview preview={step.preview} />
          <div className="row">
            <button className="primary" type="button" onClick={save}>
              Save this article
            </button>
            <span className="small muted">or change the text above and preview again.</span>
          </div>
        </section>
      ) : null}
      {step.kind === 'saved' ? <SavedResult saved={step.saved} /> : null}
      <BatchProgress rows={batch.rows} error={batch.error} stalled={batch.stalled} running={batch.running} />
    </>
  );
}

function SavedResult({ saved }: { saved: Saved }) {
  const x = saved.extraction;
  return (
    <section className="card stack" aria-labelledby="saved-title" data-testid="ingest-result">
      <h2 id="saved-title" style={{ marginTop: 0 }}>
        {saved.created ? 'Saved' : 'Already stored (identical text)'}
      </h2>
      <p>
        <strong>{x.title ?? saved.article.title ?? 'untitled'}</strong> from{' '}
        <strong>{saved.article.source.name}</strong>: <span data-testid="claim-count">{x.claimCount}</span> claims,{' '}
        {x.actorCount} actors, {x.eventCount} events stored (extractor {x.extractorVersion}).
      </p>
      {x.warnings.length ? (
        <ul className="small">
          {x.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      ) : null}
      {x.claims.length ? (
        <ClaimList claims={x.claims} view="table" caption="Stored claims" />
      ) : (
        <p className="muted">No claims were found in this text.</p>
      )}
      {x.claims.length ? <StoredEntities claims={x.claims} /> : null}
      <p>
        <Link href={`/?source=${encodeURIComponent(saved.article.source.id)}`}>
          See this outlet&apos;s claims in the explorer
        </Link>
      </p>
    </section>
  );
}

/** The stored actors and events the claims point to: existing ones the article was matched to, or new ones. */
function StoredEntities({ claims }: { claims: Saved['extraction']['claims'] }) {
  const actors = [...new Map(claims.flatMap((c) => c.actors.map((a) => [a.actor.id, a.actor] as const))).values()];
  const events = [...new Map(claims.flatMap((c) => (c.event ? [[c.event.id, c.event] as const] : []))).values()];
  return (
    <div className="grid-2">
      <section aria-labelledby="saved-actors">
        <h3 id="saved-actors">Actors of these claims</h3>
        {actors.length ? (
          <ul className="small">
            {actors.map((a) => (
              <li key={a.id}>
                <Link href={`/actors/${a.databaseId}`}>{a.canonicalName}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">None.</p>
        )}
      </section>
      <section aria-labelledby="saved-events">
        <h3 id="saved-events">Events of these claims</h3>
        {events.length ? (
          <ul className="small">
            {events.map((e) => (
              <li key={e.id}>
                <Link href={`/?event=${encodeURIComponent(e.id)}`}>{e.summary}</Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">None.</p>
        )}
      </section>
    </div>
  );
}
