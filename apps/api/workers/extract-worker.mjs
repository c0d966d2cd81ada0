// A worker thread of the API's extraction pool (src/extract-pool.ts): runs @claimgraph/extract off the event loop.
// Plain JavaScript beside src/ and dist/, so the same file serves the built API and the TypeScript sources under tsx.
import { parentPort } from 'node:worker_threads';
import { extract, ExtractError } from '@claimgraph/extract';

parentPort.on('message', (input) => {
  try {
    parentPort.postMessage({ ok: extract(input) });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    parentPort.postMessage(
      err instanceof ExtractError ? { refused: { code: err.code, message } } : { failed: message },
    );
  }
});
