// Request bodies and JSON answers of the HTTP layer (GraphQL, /auth, /health, errors).
import type http from 'node:http';

export class BodyTooLargeError extends Error {}

/** The body as UTF-8 text; BodyTooLargeError (413) past `limit` bytes, declared or sent. */
export function readBody(req: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) return reject(new BodyTooLargeError());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}

/** A GraphQL-shaped error answer outside GraphQL execution (routing, body, host and origin checks). */
export function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * A GraphQL POST body parsed as JSON, or an error answer already sent (null): 415 for another content type or
 * charset, 400 for malformed JSON. GET requests have no body (undefined).
 */
export async function readGraphQLBody(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limit: number,
): Promise<{ body: unknown } | null> {
  if (req.method !== 'POST') return { body: undefined };
  const text = await readBody(req, limit);
  const contentType = (req.headers['content-type'] ?? '').toLowerCase();
  if (!contentType.startsWith('application/json')) {
    // Apollo reads only JSON bodies; say so instead of its CSRF paragraph (uploads go through enqueueArticles).
    const type = contentType.split(';')[0]?.trim() || 'a body without a content-type';
    sendJson(
      res,
      415,
      errorBody(
        'UNSUPPORTED_MEDIA_TYPE',
        `Send GraphQL requests as JSON (content-type: application/json), not ${type.slice(0, 100)}`,
      ),
    );
    return null;
  }
  const charset = /charset=([^;]+)/.exec(contentType)?.[1]?.trim();
  if (charset && !/^utf-?8$/i.test(charset)) {
    sendJson(res, 415, errorBody('UNSUPPORTED_MEDIA_TYPE', `Unsupported charset ${charset}; send UTF-8`));
    return null;
  }
  try {
    return { body: text.length ? JSON.parse(text) : undefined };
  } catch {
    sendJson(res, 400, errorBody('BAD_REQUEST', 'Request body is not valid JSON'));
    return null;
  }
}
