import type { ReactNode } from 'react';

/** Explicit error state: what failed and what to do. */
export function ErrorState({ title = 'Could not load this view', message, hint }: { title?: string; message: string; hint?: ReactNode }) {
  return (
    <div className="state state-error" role="alert">
      <strong>{title}.</strong> {message}
      <div className="small" style={{ marginTop: '.35rem' }}>{hint ?? 'Check that the Claimgraph API is running, then reload the page.'}</div>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="state state-empty" role="status">{children}</div>;
}

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return <div className="state" role="status" aria-live="polite">{label}</div>;
}
