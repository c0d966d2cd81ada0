'use client';
import { useState, type FormEvent } from 'react';
import { ActorTypeahead } from '../../../app/_components/actor-typeahead';
import { ActorMergePanel_MergeActorsDocument, ActorMergePanel_SplitActorDocument } from '../../__generated__/graphql';
import { useApiMutation } from './browser-api';

export function ActorMergePanel({
  actorId,
  name,
  aliases,
  apiUrl,
}: {
  actorId: string;
  name: string;
  aliases: string[];
  apiUrl: string;
}) {
  const { run, error, setError } = useApiMutation();
  const [other, setOther] = useState<{ id: string; name: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function merge() {
    if (!other) return;
    if (!(await run(ActorMergePanel_MergeActorsDocument, { into: actorId, actorIds: [other.id] }))) return;
    setDone(`${other.name} merged into ${name}: its aliases and claims are now here.`);
    setOther(null);
  }

  async function split(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const picked = form.getAll('alias').map(String);
    const data = await run(
      ActorMergePanel_SplitActorDocument,
      { id: actorId, input: { canonicalName: String(form.get('canonicalName') ?? ''), aliases: picked } },
      { refresh: false },
    );
    if (data?.splitActor.ok) window.location.href = `/actors/${data.splitActor.ok.databaseId}`;
  }

  return (
    <section aria-labelledby="actor-review-title" className="card stack" data-testid="actor-review">
      <h2 id="actor-review-title">Review this actor</h2>
      <div className="stack">
        <ActorTypeahead
          apiUrl={apiUrl}
          label={`Merge another actor into ${name}`}
          onPick={(id, picked) =>
            id === actorId ? setError('That is this actor.') : (setError(null), setOther({ id, name: picked }))
          }
        />
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
              <label key={a} className="row small">
                <input type="checkbox" name="alias" value={a} /> {a}
              </label>
            ))}
          </fieldset>
          <label className="field">
            New actor’s name
            <input name="canonicalName" required maxLength={300} />
          </label>
          <button type="submit">Split into a new actor</button>
        </form>
      ) : null}
      {error ? (
        <p role="alert" className="state state-error">
          {error}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="small">
          {done}
        </p>
      ) : null}
    </section>
  );
}
