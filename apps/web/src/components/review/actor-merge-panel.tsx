'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { ActorTypeahead } from '../../../app/_components/actor-typeahead';
import { browserGql } from './browser-api';

export function ActorMergePanel({ apiUrl, actorId, name, aliases }: { apiUrl: string; actorId: string; name: string; aliases: string[] }) {
  const router = useRouter();
  const [other, setOther] = useState<{ id: string; name: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function merge() {
    if (!other) return;
    const r = await browserGql(apiUrl, 'mutation($into: ID!, $ids: [ID!]!) { mergeActors(into: $into, actorIds: $ids) { ok { id } error { code message } } }', { into: actorId, ids: [other.id] });
    if (r.error) return setError(r.error);
    setDone(`${other.name} merged into ${name}: its aliases and claims are now here.`);
    setOther(null);
    router.refresh();
  }

  async function split(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const picked = form.getAll('alias').map(String);
    const r = await browserGql<{ splitActor: { ok: { databaseId: number } } }>(
      apiUrl,
      'mutation($id: ID!, $input: SplitActorInput!) { splitActor(id: $id, input: $input) { ok { databaseId } error { code message } } }',
      { id: actorId, input: { canonicalName: String(form.get('canonicalName') ?? ''), aliases: picked } },
    );
    if (r.error || !r.data) return setError(r.error ?? 'No answer');
    window.location.href = `/actors/${r.data.splitActor.ok.databaseId}`;
  }

  return (
    <section aria-labelledby="actor-review-title" className="card stack" data-testid="actor-review">
      <h2 id="actor-review-title">Review this actor</h2>
      <div className="stack">
        <ActorTypeahead label={`Merge another actor into ${name}`} onPick={(id, picked) => (id === actorId ? setError('That is this actor.') : (setError(null), setOther({ id, name: picked })))} />
        {other ? (
          <button type="button" onClick={() => void merge()}>
            Merge {other.name} into {name}
          </button>
        ) : null}
      </div>
      {aliases.length > 1 ? (
        <form className="stack" onSubmit={split} aria-label="Split aliases off into a new actor">
          <fieldset>
            <legend>Aliases that belong to someone else</legend>
            {aliases.map((a) => (
              <label key={a} className="row small"><input type="checkbox" name="alias" value={a} /> {a}</label>
            ))}
          </fieldset>
          <label className="field">New actor’s name<input name="canonicalName" required maxLength={300} /></label>
          <button type="submit">Split into a new actor</button>
        </form>
      ) : null}
      {error ? <p role="alert" className="state state-error">{error}</p> : null}
      {done ? <p role="status" className="small">{done}</p> : null}
    </section>
  );
}
