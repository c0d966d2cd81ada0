// GraphiQL at GET /graphql in a browser: the page, and its assets bundled at build time
// (scripts/build-graphiql.mjs → src/generated/graphiql). No CDN: it works offline.
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXAMPLES } from './examples.js';

/** URL prefix of the bundled assets. */
export const GRAPHIQL_ASSETS = '/graphql/assets/';

// src/ and dist/ both sit one level below the package root.
const assetDir = new URL('../src/generated/graphiql/', import.meta.url);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

// Monaco injects style elements and GraphiQL inline styles; scripts, workers and fonts come only from here.
const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'";

export function graphiqlHtml(): string {
  // Examples ride in a JSON script element (not executed); `<` escaped so no text can close it.
  const examples = JSON.stringify(EXAMPLES).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Claimgraph GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${GRAPHIQL_ASSETS}app.css">
<style>html,body,#graphiql{height:100%;margin:0}</style>
</head>
<body>
<div id="graphiql"><noscript>GraphiQL needs JavaScript. Scripts can POST queries to this URL.</noscript></div>
<script id="examples" type="application/json">${examples}</script>
<script src="${GRAPHIQL_ASSETS}app.js"></script>
</body></html>`;
}

export function sendGraphiqlPage(res: ServerResponse): void {
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', CSP);
  res.end(graphiqlHtml());
}

interface Asset {
  type: string;
  raw: Buffer;
  gzip?: Buffer;
}
let assets: Map<string, Asset> | null = null;

/** The bundle's files by name, read once; an empty map when the bundle was not built. */
function loadAssets(): Map<string, Asset> {
  if (assets) return assets;
  assets = new Map();
  let names: string[] = [];
  try {
    names = readdirSync(assetDir);
  } catch {
    // Not built (`npm run generate -w @claimgraph/api`): the page loads, its assets answer 404.
  }
  for (const name of names) {
    const type = TYPES[extname(name)];
    if (type) assets.set(name, { type, raw: readFileSync(new URL(name, assetDir)) });
  }
  return assets;
}

/** Serves GET /graphql/assets/<name> from the bundle (names are looked up, never joined into a path). */
export function sendGraphiqlAsset(req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const asset = loadAssets().get(pathname.slice(GRAPHIQL_ASSETS.length));
  if (!asset || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.statusCode = asset ? 405 : 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(asset ? 'Use GET' : 'No such asset');
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', asset.type);
  res.setHeader('cache-control', 'public, max-age=300');
  res.setHeader('vary', 'accept-encoding');
  let body = asset.raw;
  // The editor bundle is megabytes: compress once, on first request.
  if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && !asset.type.startsWith('font/')) {
    asset.gzip ??= gzipSync(asset.raw);
    body = asset.gzip;
    res.setHeader('content-encoding', 'gzip');
  }
  res.setHeader('content-length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}
