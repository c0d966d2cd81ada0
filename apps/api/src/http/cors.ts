// Which browser pages may call the API: the Host check (DNS rebinding), the Origin check, CORS headers and preflight.
import type http from 'node:http';
import {
  hostAllowed,
  hostRejectedMessage,
  originAllowed,
  originRejectedMessage,
  type AllowedHosts,
} from '@claimgraph/shared';
import { errorBody, sendJson } from './body.js';

const ALLOWED_HEADERS =
  'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-csrf-token, x-claimgraph-workspace';

/**
 * Answers what this layer decides alone (421 for a foreign Host, 403 for a foreign Origin, 204 for a preflight)
 * and returns true; else sets the CORS headers an allowed origin gets and returns false.
 */
export function answerCors(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  allowedHosts: AllowedHosts,
  webOrigins: Set<string>,
): boolean {
  // DNS rebinding: a page whose name now points here sends its own name as Host. 421 = not this server's name.
  if (!hostAllowed(allowedHosts, req.headers.host)) {
    sendJson(res, 421, errorBody('MISDIRECTED_REQUEST', hostRejectedMessage(req.headers.host)));
    return true;
  }
  const origin = req.headers.origin;
  if (!originAllowed(req.method, origin, req.headers.host, webOrigins)) {
    sendJson(res, 403, errorBody('ORIGIN_FORBIDDEN', originRejectedMessage(origin ?? '')));
    return true;
  }
  if (origin && webOrigins.has(origin)) {
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-allow-credentials', 'true');
    res.setHeader('vary', 'Origin');
  }
  if (req.method !== 'OPTIONS') return false;
  res.statusCode = 204;
  res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
  res.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
  res.setHeader('access-control-max-age', '600');
  res.end();
  return true;
}
