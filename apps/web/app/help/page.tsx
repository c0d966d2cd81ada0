import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Help' };
// A static page: no data, no client code of its own. It is also the benchmark's baseline shell.
export const dynamic = 'force-static';

export default function HelpPage() {
  return (
    <article className="stack" style={{ maxWidth: '46rem' }}>
      <h1>How to read Claimgraph</h1>
      <p>
        Claimgraph extracts <strong>claims</strong> from news articles and records who each claim is attributed to,
        which outlets carry it, and where outlets contradict each other.
      </p>
      <h2>Claims explorer</h2>
      <p>
        Filter by actor (names and aliases both work), by the outlet&apos;s bias labels, by outlet, event, modality,
        date and full text. Every filter lives in the address bar: copy the URL to share a view; the Back button undoes
        a filter.
      </p>
      <h2>Attribution chains</h2>
      <p>
        A chain such as <em>CGTN → NBC News → two sources with direct knowledge</em> reads outermost first: CGTN
        reported that NBC News reported what two unnamed sources said.
      </p>
      <h2>Bias labels</h2>
      <p>
        Labels are never averaged: each one names its rater and links to the rater&apos;s assertion. Coverage views
        group outlets by label, including outlets that covered the event but left the claim out.
      </p>
      <h2>Modality</h2>
      <p>How a claim is asserted: reported, alleged, confirmed, denied, admitted, opinion, or a quoted statement.</p>
    </article>
  );
}
