// What the resolvers of this module's GraphQL types receive as parent (picked up by scripts/codegen.ts).
import type { ExtractionSummaryData, JobView } from './port.js';
import type { PreviewView } from './service.js';

export type ExtractionSummaryMapper = ExtractionSummaryData;
export type IngestJobMapper = JobView;
export type ExtractionPreviewMapper = PreviewView;
