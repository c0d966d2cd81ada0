import type { Metadata } from 'next';
import Link from 'next/link';
import { EventsPage_TimelineDocument, type DatePrecision, type TimeBucket } from '@/__generated__/graphql';
import { knownDate } from '@/lib/dates';
import { serverQuery } from '@/lib/urql-server';
import { EmptyState, ErrorState } from '@/components/states';
import { TimelineChart, type Bucket } from './_components/timeline-chart';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Events timeline' };

const BUCKETS: TimeBucket[] = ['DAY', 'WEEK', 'MONTH'];

/** A bucket's heading: its events' precision when it holds nothing else and they agree, else the bucket's unit. */
function bucketHeading(
  b: { start: string; claimCount: number; events: { occurredPrecision: DatePrecision }[] },
  bucket: TimeBucket,
): string {
  const [first] = b.events;
  if (
    b.claimCount === 0 &&
    first &&
    (first.occurredPrecision === 'YEAR' || first.occurredPrecision === 'MONTH') &&
    b.events.every((e) => e.occurredPrecision === first.occurredPrecision)
  ) {
    return knownDate(b.start, first.occurredPrecision);
  }
  return bucket === 'MONTH' ? b.start.slice(0, 7) : b.start.slice(0, 10);
}

/** Without a choice in the address: days for a few months of claims, weeks up to three years, else months (from monthly buckets). */
function fittingBucket(monthly: { start: string; claimCount: number }[]): TimeBucket {
  const dated = monthly.filter((b) => b.claimCount > 0);
  const months = dated.length
    ? (Date.parse(dated.at(-1)!.start) - Date.parse(dated[0]!.start)) / (30.44 * 86_400_000) + 1
    : 0;
  return months <= 4 ? 'DAY' : months <= 36 ? 'WEEK' : 'MONTH';
}

function bucketEnd(start: string, bucket: TimeBucket): string {
  const d = new Date(start);
  if (bucket === 'DAY') d.setUTCDate(d.getUTCDate() + 1);
  else if (bucket === 'WEEK') d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + 1);
  return d.toISOString();
}

export default async function EventsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const sp = await searchParams;
  const asked = BUCKETS.includes(sp.bucket as TimeBucket) ? (sp.bucket as TimeBucket) : null;
  const requested = typeof sp.scheme === 'string' ? sp.scheme : '';
  const first = await serverQuery(EventsPage_TimelineDocument, {
    bucket: asked ?? 'MONTH',
    filter: null,
    scheme: requested || null,
  });
  if (first.error !== null)
    return (
      <>
        <h1>Events timeline</h1>
        <ErrorState message={first.error} code={first.code} />
      </>
    );
  const schemes = [...new Set(first.data.biasLabels.map((l) => l.scheme))].sort();
  const scheme =
    requested && schemes.includes(requested)
      ? requested
      : schemes.includes('state-affiliated')
        ? 'state-affiliated'
        : (schemes[0] ?? '');
  const bucket = asked ?? fittingBucket(first.data.timeline.buckets);
  const res =
    scheme === requested && bucket === (asked ?? 'MONTH')
      ? first
      : await serverQuery(EventsPage_TimelineDocument, { bucket, filter: null, scheme: scheme || null });
  if (res.error !== null)
    return (
      <>
        <h1>Events timeline</h1>
        <ErrorState message={res.error} code={res.code} />
      </>
    );
  const tl = res.data.timeline;
  const values = [...new Set(res.data.biasLabels.filter((l) => l.scheme === scheme).map((l) => l.value))].sort();
  const buckets: Bucket[] = tl.buckets.map((b) => ({
    start: b.start,
    end: bucketEnd(b.start, bucket),
    claimCount: b.claimCount,
    byValue: Object.fromEntries(b.byLabel.filter((l) => l.scheme === scheme).map((l) => [l.value, l.count])),
  }));

  return (
    <div className="stack">
      <h1>Events timeline</h1>
      <form className="row" action="/events" aria-label="Timeline options">
        <label htmlFor="tl-bucket">Bucket</label>
        <select id="tl-bucket" name="bucket" defaultValue={bucket}>
          {BUCKETS.map((b) => (
            <option key={b} value={b}>
              {b.toLowerCase()}
            </option>
          ))}
        </select>
        <label htmlFor="tl-scheme">Stack by label scheme</label>
        <select id="tl-scheme" name="scheme" defaultValue={scheme}>
          {schemes.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <button type="submit">Apply</button>
      </form>
      {buckets.length === 0 ? (
        <EmptyState>
          No dated claims yet. Claims appear here once their articles or events have dates;{' '}
          <Link href="/ingest">ingest articles</Link> to add some.
        </EmptyState>
      ) : (
        <>
          <TimelineChart buckets={buckets} values={values} scheme={scheme} bucketLabel={bucket} />
          <h2>Events</h2>
          <ol className="stack" style={{ listStyle: 'none', padding: 0 }} aria-label="Events by time">
            {tl.buckets
              .filter((b) => b.events.length)
              .map((b) => (
                <li key={b.start} className="card">
                  <h3 style={{ marginTop: 0 }}>
                    <time dateTime={b.start}>{bucketHeading(b, bucket)}</time>
                    {b.claimCount ? <span className="small muted"> · {b.claimCount} claims published</span> : null}
                  </h3>
                  <ul>
                    {b.events.map((e) => (
                      <li key={e.id}>
                        <Link href={`/?event=${encodeURIComponent(e.id)}`}>{e.summary}</Link>{' '}
                        <span className="small muted">
                          {e.type.toLowerCase()}
                          {e.occurredAt ? ` · ${knownDate(e.occurredAt, e.occurredPrecision)}` : ''} · {e.claimCount}{' '}
                          claims
                        </span>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
          </ol>
        </>
      )}
    </div>
  );
}
