// A `COPY … TO STDOUT` statement read through a node-postgres client as one buffer of CSV lines ending in CRLF.
// PostgreSQL sends each row as its own CopyData message ending in "\n" (whatever its quoted newlines), so the row
// ends are known without scanning the CSV; RFC 4180 wants CRLF. The object is a node-postgres "submittable" (the
// interface pg-cursor and pg-copy-streams implement): the client hands it the connection's messages.
import type { PoolClient } from '@claimgraph/db';

const CRLF = Buffer.from('\r\n');

/** The rows went past the bytes allowed; the statement was cancelled. */
export class TooManyBytes extends Error {}

class CopyRows {
  rows = 0;
  private tooMany = false;
  private out = Buffer.allocUnsafe(1 << 16);
  private length = 0;
  private settled = false;
  readonly done: Promise<Buffer>;
  private resolve!: (b: Buffer) => void;
  private reject!: (e: Error) => void;

  constructor(
    readonly text: string,
    private readonly maxBytes: number,
    private readonly cancel: () => Promise<void>,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
  }

  submit(connection: { query(text: string): void }): void {
    connection.query(this.text);
  }

  // The message's bytes live in the client's read buffer, which is reused: copied at once.
  handleCopyData(msg: { chunk: Buffer }): void {
    if (this.tooMany) return;
    if (this.length + msg.chunk.length > this.maxBytes) {
      this.tooMany = true;
      this.cancel().catch(() => {}); // the cancelled statement's error settles this
      return;
    }
    const line = msg.chunk.subarray(0, msg.chunk.length - 1);
    const need = this.length + line.length + 2;
    if (need > this.out.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.out.length * 2));
      this.out.copy(grown, 0, 0, this.length);
      this.out = grown;
    }
    this.length += line.copy(this.out, this.length);
    this.length += CRLF.copy(this.out, this.length);
    this.rows++;
  }

  handleError(err: Error): void {
    if (!this.settled) this.reject(this.tooMany ? new TooManyBytes(this.text.slice(0, 100)) : err);
    this.settled = true;
  }

  handleReadyForQuery(): void {
    if (!this.settled)
      if (this.tooMany) this.reject(new TooManyBytes(this.text.slice(0, 100)));
      else this.resolve(this.out.subarray(0, this.length));
    this.settled = true;
  }

  handleCommandComplete(): void {}
  handleCopyInResponse(): void {
    this.handleError(new Error('COPY FROM is not read here'));
  }
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/**
 * Runs `COPY (…) TO STDOUT WITH (FORMAT csv)` on the client: its rows as CSV lines ending in CRLF, and their count.
 * Past `maxBytes` it calls `cancel` and rejects with TooManyBytes.
 */
export async function copyCsvRows(
  client: PoolClient,
  text: string,
  maxBytes: number,
  cancel: () => Promise<void>,
): Promise<{ body: Buffer; rows: number }> {
  const copy = new CopyRows(text, maxBytes, cancel);
  (client as unknown as { query(q: CopyRows): CopyRows }).query(copy);
  const body = await copy.done;
  return { body, rows: copy.rows };
}
