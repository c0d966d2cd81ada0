import type { Metadata } from 'next';
import { IngestPage_SourcesDocument } from '@/__generated__/graphql';
import { serverQuery } from '@/lib/urql-server';
import { ErrorState, LinkingNotice } from '@/components/states';
import { env } from '@/env';
import { UrqlBrowserProvider } from '@/lib/urql-browser';
import { IngestForm } from './_components/ingest-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Ingest' };

export default async function IngestPage() {
  const res = await serverQuery(IngestPage_SourcesDocument, {});
  return (
    <div className="stack">
      <h1>Ingest articles</h1>
      <p className="muted">
        Paste one article to preview what the extractor finds before saving it, or upload text/HTML files to queue them
        for the ingestion worker. Identical texts are recognised and not stored twice.
      </p>
      {res.error === null ? <LinkingNotice count={res.data.articlesLinking} always /> : null}
      {res.error !== null ? (
        <ErrorState message={res.error} />
      ) : (
        <UrqlBrowserProvider apiUrl={env().publicApiUrl}>
          <IngestForm outlets={res.data.sources.edges.map((e) => e.node.name)} />
        </UrqlBrowserProvider>
      )}
    </div>
  );
}
