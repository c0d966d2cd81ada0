'use client';
// Unexpected failures (a bug, not an API error: those render the page's own error state).
export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <strong>Something went wrong while showing this page.</strong> {error.message}
      {error.digest ? <span className="small"> (reference {error.digest})</span> : null}
      <div style={{ marginTop: '.5rem' }}>
        <button type="button" onClick={reset}>
          Try again
        </button>{' '}
        <a href="/">Back to the claims explorer</a>
      </div>
    </div>
  );
}
