import type { ReactNode } from 'react';

/** What to do about a failed query, by its error code (`serverQuery`'s `code`). */
const HINTS: Record<string, string> = {
  NETWORK: 'Check that the Claimgraph API is running, then reload the page.',
  NOT_FOUND: 'Check the address: nothing in this workspace has that id (mistyped, or deleted since the link was made).',
  INVALID_ID: 'Check the address: an id in it is malformed.',
  BAD_USER_INPUT: 'Check the address: a filter in it is not valid.',
};

/** Explicit error state: what failed and what to do. */
export function ErrorState({
  title,
  message,
  hint,
  code,
}: {
  title?: string;
  message: string;
  hint?: ReactNode;
  code?: string | null;
}) {
  const missing = code === 'NOT_FOUND' || code === 'INVALID_ID';
  return (
    <div className="state state-error" role="alert">
      <strong>{title ?? (missing ? 'Not found' : 'Could not load this view')}.</strong> {message}
      <div className="small" style={{ marginTop: '.35rem' }}>
        {hint ?? HINTS[code ?? ''] ?? 'Reload the page; if the error stays, the API log says why.'}
      </div>
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="state state-empty" role="status">
      {children}
    </div>
  );
}

export function LoadingState({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state" role="status" aria-live="polite">
      {label}
    </div>
  );
}

/**
 * Articles written but not yet linked to the others (Query.articlesLinking): until they are, corroborations,
 * clusters and contradictions may still change. Shown only while some are; `always` also says when none are.
 */
export function LinkingNotice({ count, always = false }: { count: number; always?: boolean }) {
  if (count === 0 && !always) return null;
  return (
    <p className="small muted" role="status" data-testid="linking">
      {count === 0
        ? 'Every article is linked to the others.'
        : `${count} article${count === 1 ? ' is' : 's are'} still being linked to the others: corroborations, clusters and contradictions may still change.`}
    </p>
  );
}
