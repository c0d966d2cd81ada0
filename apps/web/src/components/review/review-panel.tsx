'use client';
// Editors' corrections on the claim page: fix the wording or modality, mark verified/rejected with a note.
// Stored as corrections (re-extraction keeps them) and audited.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { browserGql } from './browser-api';
import { ChainEditor, type ChainLink } from './chain-editor';

const MODALITIES = ['REPORTED', 'ALLEGED', 'CONFIRMED', 'DENIED', 'ADMITTED', 'OPINION', 'QUOTED_STATEMENT'] as const;

export interface ReviewPanelProps {
  apiUrl: string;
  claimId: string;
  text: string;
  modality: string;
  reviewStatus: string;
  reviewNote: string | null;
  attribution: ChainLink[];
}

export function ReviewPanel({ apiUrl, claimId, text, modality, reviewStatus, reviewNote, attribution }: ReviewPanelProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(query: string, variables: Record<string, unknown>, done: string) {
    setBusy(true);
    setError(null);
    setSaved(null);
    const r = await browserGql(apiUrl, query, variables);
    setBusy(false);
    if (r.error) return setError(r.error);
    setSaved(done);
    router.refresh();
  }

  function correct(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input: Record<string, unknown> = {};
    const newText = String(form.get('text') ?? '').trim();
    if (newText !== text) input.text = newText;
    if (form.get('modality') !== modality) input.modality = form.get('modality');
    if (!Object.keys(input).length) return setError('Nothing changed: edit the text or the modality first.');
    void run('mutation($id: ID!, $input: CorrectClaimInput!) { correctClaim(id: $id, input: $input) { ok { id } error { code message } } }', { id: claimId, input }, 'Correction saved.');
  }

  function saveChain(links: ChainLink[]) {
    const chain = links.map((l) => ({ kind: l.kind, label: l.label.trim(), actorId: l.actorId, sourceId: l.sourceId }));
    void run('mutation($id: ID!, $input: CorrectClaimInput!) { correctClaim(id: $id, input: $input) { ok { id } error { code message } } }', { id: claimId, input: { attribution: chain } }, 'Chain saved.');
  }

  function review(status: 'VERIFIED' | 'REJECTED', note: string) {
    void run(
      'mutation($id: ID!, $s: ReviewStatus!, $n: String) { reviewClaim(id: $id, status: $s, note: $n) { ok { id } error { code message } } }',
      { id: claimId, s: status, n: note || null },
      status === 'VERIFIED' ? 'Marked verified.' : 'Marked rejected.',
    );
  }

  return (
    <section aria-labelledby="review-title" className="card stack" data-testid="review-panel">
      <h2 id="review-title">Review and correct</h2>
      <form className="stack" onSubmit={correct} aria-label="Correct this claim">
        <label className="field">
          Claim text
          <textarea name="text" defaultValue={text} rows={3} required maxLength={5000} />
        </label>
        <label className="field">
          Modality
          <select name="modality" defaultValue={modality}>
            {MODALITIES.map((m) => <option key={m} value={m}>{m.toLowerCase().replace('_', ' ')}</option>)}
          </select>
        </label>
        <button type="submit" disabled={busy}>Save correction</button>
      </form>
      <ChainEditor initial={attribution} busy={busy} onSave={saveChain} />
      <form className="stack" aria-label="Review this claim" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          Review note
          <input name="note" defaultValue={reviewNote ?? ''} maxLength={2000} id="review-note" />
        </label>
        <div className="row">
          <span className="small muted">Now: {reviewStatus.toLowerCase()}</span>
          <button type="button" disabled={busy} onClick={() => review('VERIFIED', (document.getElementById('review-note') as HTMLInputElement).value)}>Mark verified</button>
          <button type="button" disabled={busy} onClick={() => review('REJECTED', (document.getElementById('review-note') as HTMLInputElement).value)}>Mark rejected</button>
        </div>
      </form>
      {error ? <p role="alert" className="state state-error">{error}</p> : null}
      {saved ? <p role="status" className="small">{saved}</p> : null}
    </section>
  );
}
