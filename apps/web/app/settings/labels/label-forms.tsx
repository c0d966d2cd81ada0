'use client';
import type { FormEvent } from 'react';
import {
  AddLabelForm_AddLabelDocument,
  ChangeLabelForm_ChangeLabelDocument,
  RetireLabelButton_RetireLabelDocument,
} from '@/__generated__/graphql';
import { useApiMutation } from '@/components/review/browser-api';

const Alert = ({ error }: { error: string | null }) =>
  error ? (
    <p role="alert" className="state state-error">
      {error}
    </p>
  ) : null;
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim() || null;
// Required inputs: the browser refuses an empty one, the API a blank one.
const required = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export function AddLabelForm({ sourceId, outlet }: { sourceId: string; outlet: string }) {
  const { run, error } = useApiMutation();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void run(AddLabelForm_AddLabelDocument, {
      input: {
        sourceId,
        scheme: required(f, 'scheme'),
        value: required(f, 'value'),
        rater: text(f, 'rater'),
        url: text(f, 'url'),
        note: text(f, 'note'),
      },
    });
    e.currentTarget.reset();
  }
  return (
    <form className="stack" onSubmit={submit} aria-label={`Add a label to ${outlet}`}>
      <div className="row">
        <label className="field">
          Scheme
          <input name="scheme" required placeholder="lean" />
        </label>
        <label className="field">
          Value
          <input name="value" required placeholder="center" />
        </label>
        <label className="field">
          Rater
          <input name="rater" placeholder="your email if empty" />
        </label>
        <label className="field">
          Source URL
          <input name="url" type="url" placeholder="https://…" />
        </label>
        <label className="field">
          Note
          <input name="note" />
        </label>
        <button type="submit">Add label</button>
      </div>
      <Alert error={error} />
    </form>
  );
}

export function ChangeLabelForm({ id, value }: { id: string; value: string }) {
  const { run, error } = useApiMutation();
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    void run(ChangeLabelForm_ChangeLabelDocument, { id, input: { value: text(f, 'value') } });
  }
  return (
    <form className="row" onSubmit={submit} aria-label={`Change label ${value}`}>
      <label className="visually-hidden" htmlFor={`v-${id}`}>
        New value
      </label>
      <input id={`v-${id}`} name="value" defaultValue={value} required size={10} />
      <button type="submit">Change</button>
      <Alert error={error} />
    </form>
  );
}

export function RetireLabelButton({ id, what }: { id: string; what: string }) {
  const { run, error } = useApiMutation();
  return (
    <>
      <button
        type="button"
        aria-label={`Retire label ${what}`}
        onClick={() => void run(RetireLabelButton_RetireLabelDocument, { id })}
      >
        Retire
      </button>
      <Alert error={error} />
    </>
  );
}
