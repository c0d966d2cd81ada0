import type { Metadata } from 'next';
import Link from 'next/link';
import { ClaimPage_ClaimDocument } from '@/__generated__/graphql';
import { serverQuery } from '@/lib/urql-server';
import { globalId } from '@/lib/filters';
import { knownDate } from '@/lib/dates';
import { ContradictionFlag, LabelBadges, ModalityBadge } from '@/components/badges';
import { Chain } from '@/components/chain';
import { EmptyState, ErrorState } from '@/components/states';
import { ScrollToEvidence } from './_components/scroll-to-evidence';
import { ClaimReview } from '@/components/review/claim-review';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Claim' };

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The article body with the evidence span marked (offsets are UTF-16 code units, as JS strings index). */
function Highlighted({ body, start, end }: { body: string; start: number; end: number }) {
  const s = Math.max(0, Math.min(start, body.length));
  const e = Math.max(s, Math.min(end, body.length));
  return (
    <div className="article-body card" tabIndex={0} aria-label="Article text with the claim's evidence highlighted">
      {body.slice(0, s)}
      <mark className="evidence" id="evidence" data-testid="evidence">
        {body.slice(s, e)}
      </mark>
      {body.slice(e)}
    </div>
  );
}

export default async function ClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!/^\d{1,10}$/.test(id))
    return (
      <ErrorState
        title="Not a claim address"
        message={`“${id}” is not a claim number.`}
        hint={<Link href="/">Back to the claims explorer</Link>}
      />
    );
  const res = await serverQuery(ClaimPage_ClaimDocument, { id: globalId('Claim', id) });
  const missing = (
    <EmptyState>
      Claim {id} does not exist in this workspace. <Link href="/">Back to the claims explorer</Link>.
    </EmptyState>
  );
  if (res.code === 'NOT_FOUND' || res.code === 'INVALID_ID') return missing;
  if (res.error !== null) return <ErrorState message={res.error} code={res.code} />;
  const claim = res.data.claim;
  if (!claim) return missing;
  const coverage = res.data.coverage;

  return (
    <article className="stack">
      <p className="small">
        <Link href="/">← Claims</Link>
      </p>
      <h1>{claim.text}</h1>
      <div className="row">
        <ModalityBadge modality={claim.modality} />
        <ContradictionFlag on={claim.hasContradictions} />
        <span className="small muted">Review: {claim.reviewStatus.toLowerCase()}</span>
      </div>
      <dl className="meta">
        <dt>Attribution</dt>
        <dd>
          <Chain links={claim.attribution} />
        </dd>
        <dt>Outlet</dt>
        <dd className="row">
          <strong>{claim.source.name}</strong> <LabelBadges labels={claim.source.labels} />
        </dd>
        <dt>Article</dt>
        <dd>
          {claim.article.url ? (
            <a href={claim.article.url} rel="noreferrer noopener">
              {claim.article.title ?? claim.article.url}
            </a>
          ) : (
            (claim.article.title ?? 'untitled')
          )}
          {claim.article.publishedAt ? ` · ${claim.article.publishedAt.slice(0, 10)}` : ''}
        </dd>
        {claim.event ? (
          <>
            <dt>Event</dt>
            <dd>
              <Link href={`/?event=${encodeURIComponent(claim.event.id)}`}>{claim.event.summary}</Link>
              {claim.event.occurredAt ? ` · ${knownDate(claim.event.occurredAt, claim.event.occurredPrecision)}` : ''}
            </dd>
          </>
        ) : null}
        {claim.actors.length ? (
          <>
            <dt>About</dt>
            <dd className="row">
              {claim.actors.map((a) => (
                <Link key={`${a.actor.id}-${a.role}`} href={`/actors/${a.actor.databaseId}`}>
                  {a.actor.canonicalName} <span className="small muted">({a.role.toLowerCase()})</span>
                </Link>
              ))}
            </dd>
          </>
        ) : null}
      </dl>

      <ClaimReview claimId={claim.id} />

      <section aria-labelledby="evidence-title">
        <h2 id="evidence-title">Evidence in the article</h2>
        <Highlighted body={claim.article.body} start={claim.evidence.start} end={claim.evidence.end} />
        <ScrollToEvidence />
      </section>

      <section aria-labelledby="contradictions-title">
        <h2 id="contradictions-title">Contradictions</h2>
        {claim.related.length === 0 ? (
          <EmptyState>No other outlet&apos;s claim contradicts this one.</EmptyState>
        ) : (
          <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
            {claim.related.map((r) => (
              <li key={r.claim.id} className="card stack" data-testid="contradiction">
                <div>
                  <strong>{r.slot ? `Differs on ${r.slot}` : 'Contradiction'}:</strong> {r.reason}
                </div>
                <div className="contradiction">
                  <div className="card stack">
                    <div className="row">
                      <strong>{claim.source.name}</strong>
                      <LabelBadges labels={claim.source.labels} />
                    </div>
                    <div>{claim.text}</div>
                    <Chain links={claim.attribution} />
                    {r.value ? (
                      <div>
                        Value: <span className="value">{r.value}</span>
                      </div>
                    ) : null}
                  </div>
                  <div className="vs" aria-hidden="true">
                    vs
                  </div>
                  <div className="card stack">
                    <div className="row">
                      <strong>{r.claim.source.name}</strong>
                      <LabelBadges labels={r.claim.source.labels} />
                    </div>
                    <div>
                      <Link href={`/claims/${r.claim.databaseId}`}>{r.claim.text}</Link>
                    </div>
                    <Chain links={r.claim.attribution} />
                    {r.otherValue ? (
                      <div>
                        Value: <span className="value">{r.otherValue}</span>
                      </div>
                    ) : null}
                  </div>
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="coverage-title" data-testid="coverage">
        <h2 id="coverage-title">Coverage by bias label</h2>
        <p className="small muted">
          Who carries this claim, and which labelled outlets{' '}
          {coverage.basis === 'EVENT' ? 'reported the same event' : 'wrote about the same actors'} but left it out.
        </p>
        <p data-testid="reach">
          Carried by {plural(coverage.reach.outlets, 'outlet')}, {plural(coverage.reach.origins, 'independent origin')}
          <span className="small muted"> (republished copies of one story count as one origin)</span>
        </p>
        {coverage.byLabel.length === 0 ? (
          <EmptyState>No labelled outlet carries or covers this claim yet.</EmptyState>
        ) : (
          <div className="grid-2">
            {coverage.byLabel.map((g) => (
              <div key={`${g.scheme}:${g.value}`} className="coverage-group card" data-testid="coverage-group">
                <h3>
                  <span className="muted small">{g.scheme}:</span> {g.value}
                </h3>
                <div>
                  <span className="small muted">Carries it: </span>
                  {g.carriers.length ? g.carriers.map((s) => s.name).join(', ') : <span className="silent">none</span>}
                </div>
                <div>
                  <span className="small muted">Silent (blindspot): </span>
                  {g.blindspots.length ? (
                    <span className="silent">{g.blindspots.map((s) => s.name).join(', ')}</span>
                  ) : (
                    'none'
                  )}
                </div>
              </div>
            ))}
          </div>
        )}
        {coverage.claims.length > 1 ? (
          <>
            <h3>The same claim across outlets</h3>
            <ul className="stack" style={{ paddingLeft: '1rem' }}>
              {coverage.claims
                .filter((c) => c.id !== claim.id)
                .map((c) => (
                  <li key={c.id}>
                    <Link href={`/claims/${c.databaseId}`}>{c.text}</Link> — <strong>{c.source.name}</strong>{' '}
                    <Chain links={c.attribution} />
                  </li>
                ))}
            </ul>
          </>
        ) : null}
      </section>
    </article>
  );
}
