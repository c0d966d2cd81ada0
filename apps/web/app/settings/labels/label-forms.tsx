'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { browserGql } from '@/components/review/browser-api';

function useMutation(apiUrl: string) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const run = async (query: string, variables: Record<string, unknown>) => {
    setError(null);
    const r = await browserGql(apiUrl, query, variables);
    if (r.error) return setError(r.error);
    router.refresh();
  };
  return { run, error };
}

const Alert = ({ error }: { error: string | null }) => (error ? <p role="alert" className="state state-error">{error}</p> : null);
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim() || null;

export function AddLabelForm({ apiUrl, sourceId, outlet }: { apiUrl: string; sourceId: string; outlet: string }) {
  const { run, error } = useMutation(apiUrl);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void run('mutation($input: AddLabelInput!) { addLabel(input: $input) { ok { id } error { code message } } }', {
      input: { sourceId, scheme: text(f, 'scheme'), value: text(f, 'value'), rater: text(f, 'rater'), url: text(f, 'url'), note: text(f, 'note') },
    });
    e.currentTarget.reset();
  }
  return (
    <form className="stack" onSubmit={submit} aria-label={`Add a label to ${outlet}`}>
      <div className="row">
        <label className="field">Scheme<input name="scheme" required placeholder="lean" /></label>
        <label className="field">Value<input name="value" required placeholder="center" /></label>
        <label className="field">Rater<input name="rater" placeholder="your email if empty" /></label>
        <label className="field">Source URL<input name="url" type="url" placeholder="https://…" /></label>
        <label className="field">Note<input name="note" /></label>
        <button type="submit">Add label</button>
      </div>
      <Alert error={error} />
    </form>
  );
}

export function ChangeLabelForm({ apiUrl, id, value }: { apiUrl: string; id: string; value: string }) {
  const { run, error } = useMutation(apiUrl);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void run('mutation($id: ID!, $input: ChangeLabelInput!) { changeLabel(id: $id, input: $input) { ok { id } error { code message } } }', { id, input: { value: text(f, 'value') } });
  }
  return (
    <form className="row" onSubmit={submit} aria-label={`Change label ${value}`}>
      <label className="visually-hidden" htmlFor={`v-${id}`}>New value</label>
      <input id={`v-${id}`} name="value" defaultValue={value} required size={10} />
      <button type="submit">Change</button>
      <Alert error={error} />
    </form>
  );
}

export function RetireLabelButton({ apiUrl, id, what }: { apiUrl: string; id: string; what: string }) {
  const { run, error } = useMutation(apiUrl);
  return (
    <>
      <button type="button" aria-label={`Retire label ${what}`} onClick={() => void run('mutation($id: ID!) { retireLabel(id: $id) { ok { id } error { code message } } }', { id })}>
        Retire
      </button>
      <Alert error={error} />
    </>
  );
}
