'use client';
// Editors' corrections on the claim page: fix the wording or modality, mark verified/rejected with a note.
// Stored as corrections (re-extraction keeps them) and audited.
import { useState, type FormEvent } from 'react';
import {
  ReviewPanel_CorrectClaimDocument,
  ReviewPanel_ReviewClaimDocument,
  type CorrectClaimInput,
  type Modality,
  type ReviewStatus,
} from '@/__generated__/graphql';
import { MODALITIES } from '@/lib/filters';
import { choice, useApiMutation } from './browser-api';
import { ChainEditor, type ChainLink } from './chain-editor';

export interface ReviewPanelProps {
  claimId: string;
  text: string;
  modality: Modality;
  reviewStatus: ReviewStatus;
  reviewNote: string | null;
  attribution: ChainLink[];
}

export function ReviewPanel({ claimId, text, modality, reviewStatus, reviewNote, attribution }: ReviewPanelProps) {
  const { run, error, setError, busy } = useApiMutation();
  const [saved, setSaved] = useState<string | null>(null);

  async function correction(input: CorrectClaimInput, done: string) {
    setSaved(null);
    if (await run(ReviewPanel_CorrectClaimDocument, { id: claimId, input })) setSaved(done);
  }

  function correct(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const input: CorrectClaimInput = {};
    const newText = String(form.get('text') ?? '').trim();
    if (newText !== text) input.text = newText;
    const newModality = choice(MODALITIES, form.get('modality'), modality);
    if (newModality !== modality) input.modality = newModality;
    if (!Object.keys(input).length) return setError('Nothing changed: edit the text or the modality first.');
    void correction(input, 'Correction saved.');
  }

  function saveChain(links: ChainLink[]) {
    const chain = links.map((l) => ({ kind: l.kind, label: l.label.trim(), actorId: l.actorId, sourceId: l.sourceId }));
    void correction({ attribution: chain }, 'Chain saved.');
  }

  async function review(status: 'VERIFIED' | 'REJECTED', note: string) {
    setSaved(null);
    if (await run(ReviewPanel_ReviewClaimDocument, { id: claimId, status, note: note || null }))
      setSaved(status === 'VERIFIED' ? 'Marked verified.' : 'Marked rejected.');
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
            {MODALITIES.map((m) => (
              <option key={m} value={m}>
                {m.toLowerCase().replace('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Save correction
        </button>
      </form>
      <ChainEditor initial={attribution} busy={busy} onSave={saveChain} />
      <form className="stack" aria-label="Review this claim" onSubmit={(e) => e.preventDefault()}>
        <label className="field">
          Review note
          <input name="note" defaultValue={reviewNote ?? ''} maxLength={2000} id="review-note" />
        </label>
        <div className="row">
          <span className="small muted">Now: {reviewStatus.toLowerCase()}</span>
          <button
            type="button"
            disabled={busy}
            onClick={() => void review('VERIFIED', (document.getElementById('review-note') as HTMLInputElement).value)}
          >
            Mark verified
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => void review('REJECTED', (document.getElementById('review-note') as HTMLInputElement).value)}
          >
            Mark rejected
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" className="state state-error">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="small">
          {saved}
        </p>
      ) : null}
    </section>
  );
}
