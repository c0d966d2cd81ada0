// The API's view of @claimgraph/ingest. Kept to one file so the ingestion package's signatures are adapted in one place.
import type { Article, PrismaClient } from '@claimgraph/db';
import type { IngestArticleInput } from './validation.js';

export interface IngestPortResult {
  article: Article;
  created: boolean;
  extraction: { extractorVersion: string; title: string | null; warnings: string[]; claimCount: number; actorCount: number; eventCount: number };
}

export interface IngestPort {
  ingestArticle(db: PrismaClient, workspaceId: number, input: IngestArticleInput): Promise<IngestPortResult>;
  enqueueArticles(db: PrismaClient, workspaceId: number, inputs: IngestArticleInput[]): Promise<string[]>;
}

class IngestUnavailableError extends Error {
  readonly code = 'INGEST_UNAVAILABLE';
}

/** Until @claimgraph/ingest exports its service, ingestion reports INGEST_UNAVAILABLE as a typed payload. */
export async function loadIngestPort(): Promise<IngestPort> {
  const fail = async (): Promise<never> => {
    throw new IngestUnavailableError('Ingestion is not available in this build');
  };
  return { ingestArticle: fail, enqueueArticles: fail };
}
