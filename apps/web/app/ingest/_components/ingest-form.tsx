'use client';
// Paste or upload, pick or name an outlet, then see what the extractor found. Files go one by one
// through the same mutation, so a batch shows real progress and one bad file loses nothing else.
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { IngestPage_IngestArticleDocument, type IngestPage_IngestArticleMutation } from '@/__generated__/graphql';
import { ClaimList } from '@/components/claim-list';

type Ok = NonNullable<IngestPage_IngestArticleMutation['ingestArticle']['ok']>;
interface Outcome { name: string; ok?: Ok; error?: string }

const MAX_BYTES = 2 * 1024 * 1024;

export function IngestForm({ outlets }: { outlets: string[] }) {
  const [text, setText] = useState('');
  const [outlet, setOutlet] = useState('');
  const [url, setUrl] = useState('');
  const [publishedAt, setPublishedAt] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(0);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [, ingest] = useMutation(IngestPage_IngestArticleDocument);

  const runOne = async (name: string, body: string, html: boolean): Promise<Outcome> => {
    if (!body.trim()) return { name, error: 'The text is empty: paste an article or choose a non-empty file.' };
    const input = {
      text: body,
      format: html ? ('HTML' as const) : ('TEXT' as const),
      ...(outlet.trim() ? { outlet: outlet.trim() } : {}),
      ...(url.trim() && !files.length ? { url: url.trim() } : {}),
      ...(publishedAt ? { publishedAt } : {}),
    };
    const r = await ingest({ input });
    if (r.error) return { name, error: r.error.networkError ? `Cannot reach the API: ${r.error.networkError.message}` : r.error.message };
    const p = r.data?.ingestArticle;
    if (p?.error) return { name, error: `${p.error.message}${p.error.inputErrors.length ? ` (${p.error.inputErrors.map((e) => `${e.path}: ${e.message}`).join('; ')})` : ''}` };
    if (!p?.ok) return { name, error: 'The API returned no result.' };
    return { name, ok: p.ok };
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setOutcomes([]);
    setDone(0);
    const results: Outcome[] = [];
    if (files.length) {
      for (const f of files) {
        const outcome = f.size > MAX_BYTES ? { name: f.name, error: `Larger than ${MAX_BYTES / 1024 / 1024} MB; split it or trim the page first.` } : await runOne(f.name, await f.text(), /\.html?$/i.test(f.name));
        results.push(outcome);
        setOutcomes([...results]);
        setDone(results.length);
      }
    } else {
      results.push(await runOne('Pasted text', text, /^\s*</.test(text)));
      setOutcomes(results);
      setDone(1);
    }
    setBusy(false);
  };

  const total = files.length || 1;
  return (
    <>
      <form className="card stack" onSubmit={submit} aria-describedby="ingest-help">
        <p id="ingest-help" className="small muted">Name the outlet as it calls itself (e.g. “Press TV”); a new name creates an unlabelled outlet you can label later.</p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="in-outlet">Outlet</label>
            <input id="in-outlet" list="known-outlets" value={outlet} onChange={(e) => setOutlet(e.target.value)} placeholder="Choose or type a new outlet" />
            <datalist id="known-outlets">{outlets.map((o) => <option key={o} value={o} />)}</datalist>
          </div>
          <div className="field">
            <label htmlFor="in-date">Published (optional)</label>
            <input id="in-date" type="date" value={publishedAt} onChange={(e) => setPublishedAt(e.target.value)} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="in-url">Article URL (optional)</label>
          <input id="in-url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" />
        </div>
        <div className="field">
          <label htmlFor="in-text">Article text</label>
          <textarea id="in-text" value={text} onChange={(e) => setText(e.target.value)} disabled={files.length > 0} placeholder="Paste the article here (plain text or HTML)…" />
        </div>
        <div className="field">
          <label htmlFor="in-files">…or upload files (.txt, .html; several for a batch)</label>
          <input id="in-files" type="file" multiple accept=".txt,.text,.html,.htm,text/plain,text/html" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </div>
        <div className="row">
          <button className="primary" type="submit" disabled={busy || (!files.length && !text.trim())}>{busy ? 'Extracting…' : files.length > 1 ? `Ingest ${files.length} files` : 'Extract and save'}</button>
          {busy || outcomes.length ? <progress max={total} value={done} aria-label="Ingestion progress">{done} of {total}</progress> : null}
        </div>
        <p className="small muted" role="status" aria-live="polite">{busy ? `Processing ${done + 1} of ${total}…` : outcomes.length ? `Finished ${done} of ${total}.` : ''}</p>
      </form>

      {outcomes.map((o, i) => (
        <section key={i} className="card stack" aria-label={`Result for ${o.name}`} data-testid="ingest-result">
          <h2 style={{ marginTop: 0 }}>{o.name}</h2>
          {o.error ? <div className="state state-error" role="alert">Not stored: {o.error}</div> : o.ok ? (
            <>
              <p>
                {o.ok.created ? 'Stored' : 'Already stored (identical text)'}: <strong>{o.ok.extraction.title ?? o.ok.article.title ?? 'untitled'}</strong> from <strong>{o.ok.article.source.name}</strong>.{' '}
                Found <span data-testid="claim-count">{o.ok.extraction.claimCount}</span> claims, {o.ok.extraction.actorCount} actors, {o.ok.extraction.eventCount} events (extractor {o.ok.extraction.extractorVersion}).
              </p>
              {o.ok.extraction.warnings.length ? <ul className="small">{o.ok.extraction.warnings.map((w) => <li key={w}>{w}</li>)}</ul> : null}
              {o.ok.extraction.claims.length ? <ClaimList claims={o.ok.extraction.claims} view="table" caption="Extracted claims" /> : <p className="muted">No claims were found in this text.</p>}
              <p><Link href={`/?source=${encodeURIComponent(o.ok.article.source.id)}`}>See this outlet&apos;s claims in the explorer</Link></p>
            </>
          ) : null}
        </section>
      ))}
    </>
  );
}
