// Streamed claim exports (CSV, JSON-LD with schema.org Claim/ClaimReview): keyset batches read one at a time (the
// next while the last is written), written with backpressure, so a million rows never sit in memory and no connection
// is held while the client reads. Same filter as the `claims` query, given as `?filter=<ClaimFilter JSON>` or as
// simple parameters (actorName, biasLabel=scheme:value, …). PostgreSQL writes the CSV itself (`COPY … TO STDOUT`);
// JSON-LD rows are built here.
import { channel } from 'node:diagnostics_channel';
import type http from 'node:http';
import { poolOf, Prisma, type PoolClient } from '@claimgraph/db';
import { assertCan } from '../auth.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../ids.js';
import { claimSql, resolveClaimFilter } from '../modules/claims/filter-sql.js';
import { directStatements } from '../sql-list.js';
import { copyCsvRows, TooManyBytes } from './copy-rows.js';

/** The first batch: read before the 200, so small enough to answer soon. */
const FIRST_BATCH = 500;
/**
 * CSV batches after the first take every claim of a range of ids (no LIMIT, so PostgreSQL may read it with parallel
 * workers), sized from the claims per id and bytes per row seen so far to about this many bytes.
 */
const CSV_BATCH_BYTES = 4 << 20;

/** CSV batches are cancelled past this many bytes and read again in quarters (a range denser than its estimate). */
const CSV_MAX_BYTES = 4 * CSV_BATCH_BYTES;

interface Batch {
  body: string | Buffer;
  rows: number;
  /** Reads the batch after this one; null after the last. */
  next: (() => Promise<Batch>) | null;
}
interface ExportRow {
  id: number;
  text: string;
  modality: string;
  reviewStatus: string;
  evidence: string;
  evidenceStart: number;
  evidenceEnd: number;
  outlet: string;
  outletDomain: string | null;
  labels: { scheme: string; value: string; rater: string }[] | null;
  url: string | null;
  title: string | null;
  publishedAt: Date | null;
  eventType: string | null;
  eventSummary: string | null;
  eventDate: Date | null;
  actors: { name: string; role: string }[] | null;
  chain: { kind: string; label: string }[] | null;
  appearances: { outlet: string; url: string | null; title: string | null; publishedAt: string | null }[] | null;
  contradicted: boolean;
}

class ExportInputError extends Error {
  constructor(
    message: string,
    readonly inputErrors: unknown = [],
  ) {
    super(message);
  }
}

/** Builds a ClaimFilter from query parameters. */
export function filterFromParams(params: URLSearchParams): Record<string, unknown> {
  const json = params.get('filter');
  let filter: Record<string, unknown> = {};
  if (json) {
    try {
      filter = JSON.parse(json) as Record<string, unknown>;
    } catch {
      throw new ExportInputError('filter must be a JSON ClaimFilter');
    }
    if (typeof filter !== 'object' || filter === null || Array.isArray(filter))
      throw new ExportInputError('filter must be a JSON object');
  }
  const list = (k: string) => params.getAll(k).filter(Boolean);
  if (list('actorName').length) filter.actorNames = list('actorName');
  if (list('actorId').length) filter.actorIds = list('actorId');
  if (list('sourceId').length) filter.sourceIds = list('sourceId');
  if (list('eventId').length) filter.eventIds = list('eventId');
  if (list('modality').length) filter.modalities = list('modality');
  if (list('biasLabel').length) {
    filter.biasLabels = list('biasLabel').map((l) => {
      const i = l.indexOf(':');
      return i < 0 ? { scheme: l } : { scheme: l.slice(0, i), value: l.slice(i + 1) };
    });
  }
  for (const k of ['biasLabelMatch', 'dateField', 'text', 'from', 'to'] as const) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  const hc = params.get('hasContradictions');
  if (hc) filter.hasContradictions = hc === 'true';
  for (const k of ['from', 'to'] as const) {
    if (typeof filter[k] === 'string') {
      const d = new Date(filter[k] as string);
      if (Number.isNaN(d.getTime())) throw new ExportInputError(`${k} must be an ISO date`);
      filter[k] = d;
    }
  }
  return filter;
}

const CSV_HEADER = [
  'claim_id',
  'text',
  'modality',
  'outlet',
  'outlet_labels',
  'attribution_chain',
  'actors',
  'evidence',
  'article_url',
  'article_title',
  'published_at',
  'event_type',
  'event_summary',
  'event_date',
  'contradicted',
  'review_status',
];

/**
 * A text cell of the CSV. Text that a spreadsheet would read as a formula (article text is third-party:
 * `=HYPERLINK(…)`, `@SUM(…)`, `+cmd|…`) gets a leading single quote, as OWASP's CSV-injection guidance says; it then
 * shows as text. Empty text is written as nothing, as NULL is (COPY would write `""`).
 */
const cell = (v: string) =>
  Prisma.raw(
    `CASE WHEN left(${v}, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r') THEN '''' || ${v} ELSE NULLIF(${v}, '') END`,
  );
/** A timestamp as JavaScript's toISOString writes it. */
const iso = (v: string) => Prisma.raw(`to_char(${v} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** One batch of the CSV: the claims matching `where` in `range`, newest first, as PostgreSQL writes them. */
function csvCopy(
  q: { from: Prisma.Sql; where: Prisma.Sql },
  range: Prisma.Sql,
  limit: number | null,
  ws: number,
): string {
  return inline(Prisma.sql`COPY (SELECT encode(convert_to('Claim:' || r.id, 'UTF8'), 'base64'), ${cell('r.text')}, r.modality,
      ${cell('r.outlet')}, ${cell('r.labels')}, ${cell('r.chain')}, ${cell('r.actors')}, ${cell('r.evidence')},
      ${cell('r.url')}, ${cell('r.title')}, ${iso('r."publishedAt"')}, r."eventType", ${cell('r."eventSummary"')},
      ${iso('r."eventDate"')}, CASE WHEN r.contradicted THEN 'true' ELSE 'false' END, r."reviewStatus"
    FROM (SELECT c.id, c.text, c.modality::text AS modality, c."reviewStatus"::text AS "reviewStatus",
        claimgraph_utf16_slice(art.body, c."evidenceStart", c."evidenceEnd") AS evidence,
        s.name AS outlet, art.url, art.title, art."publishedAt",
        ev.type::text AS "eventType", ev.summary AS "eventSummary", ev."occurredAt" AS "eventDate",
        (SELECT string_agg(bl.scheme || ':' || bl.value, '; ' ORDER BY bl.scheme, bl.value)
           FROM "BiasLabel" bl WHERE bl."sourceId" = c."sourceId" AND bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = ${ws})) AS labels,
        (SELECT string_agg(a."canonicalName" || ' (' || ca.role || ')', '; ' ORDER BY ca.role, a."canonicalName")
           FROM "ClaimActor" ca JOIN "Actor" a ON a.id = ca."actorId" WHERE ca."claimId" = c.id AND ca."workspaceId" = ${ws}) AS actors,
        (SELECT string_agg(at.label, ' > ' ORDER BY at.position)
           FROM "ClaimAttribution" at WHERE at."claimId" = c.id AND at."workspaceId" = ${ws}) AS chain,
        EXISTS (SELECT 1 FROM "ClaimRelation" r WHERE r.kind = 'CONTRADICTS' AND (r."fromClaimId" = c.id OR r."toClaimId" = c.id)) AS contradicted
      FROM ${q.from}
      JOIN "Article" art ON art.id = c."articleId"
      JOIN "Source" s ON s.id = c."sourceId"
      LEFT JOIN "Event" ev ON ev.id = c."eventId"
      WHERE ${q.where} ${range}
      ORDER BY c.id DESC ${limit === null ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}
      OFFSET 0) r -- each sub-select once, not once per mention in the cells; without a LIMIT, by parallel workers
    ORDER BY r.id DESC) TO STDOUT WITH (FORMAT csv)`);
}

/**
 * A statement with its parameters written in as literals (COPY takes no parameters): each value in the text form
 * node-postgres sends (dates in ISO form, as the direct pool sends them), untyped, so PostgreSQL gives it the type it
 * would give the parameter; an E'' string, whatever `standard_conforming_strings` says.
 */
function inline(q: Prisma.Sql): string {
  const quote = (s: string) => `E'${s.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  const text = (v: unknown): string => {
    if (v instanceof Date) return v.toISOString();
    if (Array.isArray(v))
      return `{${v.map((e) => (e == null ? 'NULL' : `"${text(e).replace(/[\\"]/g, '\\$&')}"`)).join(',')}}`;
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint')
      return String(v);
    throw new Error(`no SQL literal for a ${typeof v}`);
  };
  return q.strings.reduce((sql, s, i) => `${sql}${v(q.values[i - 1])}${s}`);
  function v(value: unknown) {
    return value == null ? 'NULL' : quote(text(value));
  }
}

/** The claim id of the CSV line starting at `start` (its first cell, the global id `Claim:<id>` in base64). */
function claimIdAt(body: Buffer, start: number): number {
  const id = body.subarray(start, body.indexOf(44, start)).toString();
  return Number(Buffer.from(id, 'base64').toString().slice('Claim:'.length));
}

function jsonLd(r: ExportRow): object {
  const chain = r.chain ?? [];
  const innermost = chain.at(-1);
  const claim = {
    '@type': 'Claim',
    '@id': `urn:claimgraph:claim:${toGlobalId('Claim', r.id)}`,
    text: r.text,
    'claimgraph:evidence': r.evidence,
    'claimgraph:modality': r.modality,
    author: innermost
      ? {
          '@type': innermost.kind === 'PERSON' || innermost.kind === 'OFFICIAL' ? 'Person' : 'Organization',
          name: innermost.label,
        }
      : undefined,
    'claimgraph:attributionChain': {
      '@list': chain.map((n, i) => ({
        '@type': 'claimgraph:AttributionNode',
        position: i,
        'claimgraph:kind': n.kind,
        name: n.label,
      })),
    },
    about: (r.actors ?? []).map((a) => ({ '@type': 'Thing', name: a.name, 'claimgraph:role': a.role })),
    firstAppearance: {
      '@type': 'NewsArticle',
      url: r.url,
      headline: r.title,
      datePublished: r.publishedAt,
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: r.outlet,
        url: r.outletDomain ? `https://${r.outletDomain}` : undefined,
      },
    },
    appearance: (r.appearances ?? []).map((a) => ({
      '@type': 'NewsArticle',
      url: a.url,
      headline: a.title,
      datePublished: a.publishedAt,
      publisher: { '@type': 'NewsMediaOrganization', name: a.outlet },
    })),
    'claimgraph:outletLabels': (r.labels ?? []).map((l) => ({ scheme: l.scheme, value: l.value, rater: l.rater })),
    'claimgraph:contradicted': r.contradicted,
    'claimgraph:event': r.eventSummary
      ? { '@type': 'Event', name: r.eventSummary, startDate: r.eventDate, 'claimgraph:type': r.eventType }
      : undefined,
  };
  if (r.reviewStatus === 'UNREVIEWED') return claim;
  return {
    '@type': 'ClaimReview',
    itemReviewed: claim,
    reviewRating: { '@type': 'Rating', alternateName: r.reviewStatus },
  };
}

/** The client closed the connection before the export ended. */
class ClientGone extends Error {}

/** Writes with backpressure; rejects with ClientGone when the client goes away instead of waiting for a `drain` that never comes. */
function write(res: http.ServerResponse, chunk: string | Buffer): Promise<void> {
  if (res.destroyed) return Promise.reject(new ClientGone());
  if (res.write(chunk)) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    const drained = () => {
      res.off('close', closed);
      resolve();
    };
    const closed = () => {
      res.off('drain', drained);
      reject(new ClientGone());
    };
    res.once('drain', drained);
    res.once('close', closed);
  });
}

/** Each export's end (outcome and rows written) is published here; tests and diagnostics subscribe. */
export const exportEvents = channel('claimgraph:export');

export interface ExportEnd {
  outcome: 'complete' | 'client-gone' | 'failed';
  rows: number;
}

/**
 * The last line of an export that failed after its 200: a reader whose body ends when the connection closes (HTTP/1.0,
 * some proxies) cannot tell an abort from the end, so the file says it is incomplete.
 */
function failureMarker(format: 'csv' | 'jsonld', rows: number): string {
  const text = `EXPORT INCOMPLETE: the export failed after ${rows} claims; this file is not the full result. Try again.`;
  return format === 'csv' ? `"# ${text}"\r\n` : `\n"${text}"\n`;
}

export async function exportClaims(
  ctx: Context,
  url: URL,
  format: 'csv' | 'jsonld',
  res: http.ServerResponse,
): Promise<void> {
  assertCan(ctx.viewer, 'export:read');
  let filter;
  try {
    filter = await resolveClaimFilter(ctx.db, ctx.viewer.workspaceId, filterFromParams(url.searchParams));
  } catch (err) {
    const e = err as { message: string; extensions?: { code?: string; inputErrors?: unknown }; inputErrors?: unknown };
    res.statusCode = 400;
    res.setHeader('content-type', 'application/json; charset=utf-8');
    res.end(
      JSON.stringify({
        errors: [
          {
            message: e.message,
            extensions: {
              code: e.extensions?.code ?? 'BAD_USER_INPUT',
              inputErrors: e.extensions?.inputErrors ?? e.inputErrors ?? [],
            },
          },
        ],
      }),
    );
    return;
  }
  const q = claimSql(filter);
  const ws = ctx.viewer.workspaceId;
  const after = (id: number | null): Prisma.Sql => (id === null ? Prisma.empty : Prisma.sql`AND c.id < ${id}`);
  const pool = poolOf(ctx.db);
  let reading: PoolClient | null = null;
  let cancelled: PoolClient | null = null;
  /** Cancels the statement of the batch being read; its connection is then closed, never handed out again. */
  const cancelReading = async () => {
    if (!reading) return;
    cancelled = reading;
    await pool.query('SELECT pg_cancel_backend($1)', [(reading as unknown as { processID: number }).processID]);
  };
  const copy = async (text: string, maxBytes: number) => {
    const client = (reading = await pool.connect());
    let failed: Error | undefined;
    try {
      if (directStatements.hasSubscribers) directStatements.publish({ text });
      return await copyCsvRows(client, text, maxBytes, cancelReading);
    } catch (err) {
      failed = err as Error;
      throw err;
    } finally {
      reading = null;
      client.release(failed ?? (cancelled === client ? new Error('cancelled') : undefined));
    }
  };
  /** After a batch: the next id range, from the claims per id and bytes per row seen so far. */
  const nextRange = (below: number, perId: number, rowBytes: number) => {
    const width = Math.max(1, Math.round(CSV_BATCH_BYTES / rowBytes / perId));
    return () => csvRange(below, Math.max(0, below - width), perId, rowBytes);
  };
  const csvRange = async (below: number, from: number, perId: number, rowBytes: number): Promise<Batch> => {
    let read;
    try {
      // A single id's row is read whatever its size.
      const max = below - from > 1 ? CSV_MAX_BYTES : Infinity;
      read = await copy(csvCopy(q, Prisma.sql`AND c.id < ${below} AND c.id >= ${from}`, null, ws), max);
    } catch (err) {
      if (!(err instanceof TooManyBytes)) throw err;
      return csvRange(below, below - Math.ceil((below - from) / 4), perId * 4, rowBytes);
    }
    const { body, rows } = read;
    const next =
      from <= 0
        ? null
        : nextRange(from, rows ? rows / (below - from) : perId / 2, rows ? body.length / rows : rowBytes);
    return { body, rows, next };
  };
  const csvBatch = async (): Promise<Batch> => {
    const { body, rows } = await copy(csvCopy(q, Prisma.empty, FIRST_BATCH, ws), Infinity);
    if (rows < FIRST_BATCH) return { body, rows, next: null };
    const [first, last] = [claimIdAt(body, 0), claimIdAt(body, body.lastIndexOf(10, body.length - 2) + 1)];
    return { body, rows, next: nextRange(last, rows / (first - last + 1), body.length / rows) };
  };
  const jsonLdBatch = async (afterId: number | null = null, limit = FIRST_BATCH): Promise<Batch> => {
    const rows = await ctx.db.$queryRaw<ExportRow[]>`
      SELECT c.id, c.text, c.modality::text AS modality, c."reviewStatus"::text AS "reviewStatus",
        left(art.body, c."evidenceEnd") AS evidence, c."evidenceStart", c."evidenceEnd",
        s.name AS outlet, s.domain AS "outletDomain", art.url, art.title, art."publishedAt",
        ev.type::text AS "eventType", ev.summary AS "eventSummary", ev."occurredAt" AS "eventDate",
        (SELECT json_agg(json_build_object('scheme', bl.scheme, 'value', bl.value, 'rater', bl.rater) ORDER BY bl.scheme, bl.value)
           FROM "BiasLabel" bl WHERE bl."sourceId" = c."sourceId" AND bl."retiredAt" IS NULL AND (bl."workspaceId" IS NULL OR bl."workspaceId" = ${ws})) AS labels,
        (SELECT json_agg(json_build_object('name', a."canonicalName", 'role', ca.role) ORDER BY ca.role, a."canonicalName")
           FROM "ClaimActor" ca JOIN "Actor" a ON a.id = ca."actorId" WHERE ca."claimId" = c.id AND ca."workspaceId" = ${ws}) AS actors,
        (SELECT json_agg(json_build_object('kind', at.kind, 'label', at.label) ORDER BY at.position)
           FROM "ClaimAttribution" at WHERE at."claimId" = c.id AND at."workspaceId" = ${ws}) AS chain,
        (SELECT json_agg(json_build_object('outlet', s2.name, 'url', a2.url, 'title', a2.title, 'publishedAt', a2."publishedAt") ORDER BY a2."publishedAt", a2.id)
           FROM (SELECT DISTINCT c2."articleId" FROM "Claim" c2 WHERE c."clusterId" IS NOT NULL AND c2."clusterId" = c."clusterId" AND c2."workspaceId" = ${ws} LIMIT 100) m
           JOIN "Article" a2 ON a2.id = m."articleId" JOIN "Source" s2 ON s2.id = a2."sourceId") AS appearances,
        EXISTS (SELECT 1 FROM "ClaimRelation" r WHERE r.kind = 'CONTRADICTS' AND (r."fromClaimId" = c.id OR r."toClaimId" = c.id)) AS contradicted
      FROM (SELECT c.id FROM ${q.from} WHERE ${q.where} ${after(afterId)} ORDER BY c.id DESC LIMIT ${limit}) page
      JOIN "Claim" c ON c.id = page.id
      JOIN "Article" art ON art.id = c."articleId"
      JOIN "Source" s ON s.id = c."sourceId"
      LEFT JOIN "Event" ev ON ev.id = c."eventId"
      ORDER BY c.id DESC`;
    const body = rows.map((r) => {
      // Offsets count UTF-16 code units, as everywhere in Claimgraph; PostgreSQL counts code points, so it returns a
      // prefix long enough (a code point is at least one unit) and JavaScript cuts the span.
      r.evidence = r.evidence.slice(r.evidenceStart, r.evidenceEnd);
      return JSON.stringify(jsonLd(r));
    });
    const last = rows.at(-1)?.id;
    return {
      body: (afterId === null ? '' : ',\n') + body.join(',\n'),
      rows: rows.length,
      next: rows.length === limit ? () => jsonLdBatch(last) : null,
    };
  };
  // The first batch is read before the 200: a database that fails at once gets a proper error status.
  let batch = await (format === 'csv' ? csvBatch() : jsonLdBatch());
  res.statusCode = 200;
  res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/ld+json; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="claims.${format === 'csv' ? 'csv' : 'jsonld'}"`);
  let written = 0;
  let next: Promise<Batch> | null = null;
  const end = (e: ExportEnd) => {
    if (exportEvents.hasSubscribers) exportEvents.publish(e);
  };
  try {
    await write(
      res,
      format === 'csv'
        ? CSV_HEADER.join(',') + '\r\n'
        : '{"@context":{"@vocab":"https://schema.org/","claimgraph":"urn:claimgraph:vocab#"},"@graph":[',
    );
    for (;;) {
      // The next batch is read while this one is written; no connection is held while the client reads.
      next = batch.next?.() ?? null;
      next?.catch(() => {}); // met when awaited
      await write(res, batch.body);
      written += batch.rows;
      if (!next) break;
      batch = await next;
    }
    if (format === 'jsonld') await write(res, ']}\n');
    res.end();
    end({ outcome: 'complete', rows: written });
  } catch (err) {
    if (err instanceof ClientGone) {
      await cancelReading().catch(() => {});
      await next?.catch(() => {}); // the batch being read returns its connection first
      ctx.log.info({ rows: written }, 'claim export stopped: the client went away');
      end({ outcome: 'client-gone', rows: written });
      return;
    }
    ctx.log.error({ err, rows: written }, 'claim export failed after its 200; the connection is aborted');
    // Aborting without the final chunk makes the body visibly incomplete to HTTP/1.1 clients; the marker tells the rest.
    const abort = () => res.destroy();
    const timer = setTimeout(abort, 5000).unref();
    res.write(failureMarker(format, written), () => {
      clearTimeout(timer);
      abort();
    });
    end({ outcome: 'failed', rows: written });
  }
}
