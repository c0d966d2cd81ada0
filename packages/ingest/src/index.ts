// @claimgraph/ingest: articles in, research data out.
export { ingestArticle, ingestBatch, type IngestOptions, type IngestResult } from './service/ingest.js';
export type { IngestCounts, IngestHooks, IngestStage } from './service/types.js';
export {
  LINK_LOCK_NAMESPACE,
  linkArticle,
  linkPending,
  storyTermsOf,
  pendingArticles,
  requestRelink,
  unlinkForSplit,
  type Linked,
} from './service/link.js';
export {
  ArticleInputModel,
  IngestJobModel,
  MAX_ARTICLE_BYTES,
  parseArticleInput,
  type ArticleInput,
  type IngestJob,
} from './validation.js';
export { IngestError, INGEST_ERROR_CODES, type IngestErrorCode, type IngestFailure } from './errors.js';
export {
  enqueueArticles,
  enqueueLinks,
  enqueuePendingLinks,
  lazyIngestQueue,
  openIngestQueue,
  runWorker,
  retryFailedJobs,
  INGEST_QUEUE,
  LINK_QUEUE,
  type EnqueueOutcome,
  type IngestQueue,
  type RunningWorker,
  type WorkerOptions,
} from './queue.js';
export { ingestJobStates, type IngestJobState, type IngestJobStatus } from './jobs.js';
export {
  importRegistry,
  importLabelsCsv,
  loadRegistry,
  type CsvImportResult,
  type RegistryImportResult,
} from './sources/registry.js';
export { resolveSource } from './sources/resolve.js';
export { seedSampleCorpus, type SeedResult } from './seed.js';
export { articlesByLean, loadDemoCorpus, readDemoCorpus, DEMO_FILE, type DemoResult } from './demo.js';
export { reextractArticles, compareVersions, type ReextractResult } from './reextract.js';
export { canonicalUrl, contentHashOf, normalizeBody, normalizeName } from './normalize.js';
