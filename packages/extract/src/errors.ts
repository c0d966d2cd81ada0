import type { ExtractErrorCode } from '@claimgraph/shared';

/** The only error type extract() throws. */
export class ExtractError extends Error {
  readonly code: ExtractErrorCode;
  constructor(code: ExtractErrorCode, message: string) {
    super(message);
    this.name = 'ExtractError';
    this.code = code;
  }
}
