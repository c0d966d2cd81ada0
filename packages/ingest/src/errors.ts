// Typed ingestion failures: expected outcomes are data ({ status: 'failed', error }), not exceptions.

export const INGEST_ERROR_CODES = [
  'INVALID_INPUT',
  'TOO_LARGE',
  'EMPTY_TEXT',
  'BINARY_CONTENT',
  'BAD_ENCODING',
  'NO_SENTENCES',
  'EXTRACTION_FAILED',
  'DATABASE_ERROR',
] as const;
export type IngestErrorCode = (typeof INGEST_ERROR_CODES)[number];

export interface IngestFailure {
  code: IngestErrorCode;
  message: string;
  /** Per-field messages, keyed by input field name. */
  fieldErrors?: Record<string, string[]>;
}

export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly fieldErrors?: Record<string, string[]>;
  constructor(code: IngestErrorCode, message: string, fieldErrors?: Record<string, string[]>) {
    super(message);
    this.name = 'IngestError';
    this.code = code;
    if (fieldErrors) this.fieldErrors = fieldErrors;
  }
  toFailure(): IngestFailure {
    return { code: this.code, message: this.message, ...(this.fieldErrors ? { fieldErrors: this.fieldErrors } : {}) };
  }
}
