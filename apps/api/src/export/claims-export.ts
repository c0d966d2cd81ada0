// Streamed claim exports (CSV, JSON-LD with schema.org Claim/ClaimReview): keyset batches of 500, one SQL per
// batch, written with backpressure, so a million rows never sit in memory. Same filter as the `claims` query,
// given as `?filter=<ClaimFilter JSON>` or as simple parameters (actorName, biasLabel=scheme:value, …).
import { channel } from 'node:diagnostics_channel';
import type http from 'node:http';
import { Prisma } from '@claimgraph/db';
import { assertCan } from '../auth.js';
import type { Context } from '../context.js';
import { toGlobalId } from '../ids.js';
import { claimSql, resolveClaimFilter } from '../modules/claims/filter-sql.js';

const BATCH = 500;

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

/**
 * One CSV field. Text that a spreadsheet would read as a formula (article text is third-party: `=HYPERLINK(…)`,
 * `@SUM(…)`, `+cmd|…`) gets a leading single quote, as OWASP's CSV-injection guidance says; it then shows as text.
 */
export function csvCell(v: unknown): string {
  let s = v == null ? '' : v instanceof Date ? v.toISOString() : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
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

function csvLine(r: ExportRow): string {
  return (
    [
      toGlobalId('Claim', r.id),
      r.text,
      r.modality,
      r.outlet,
      (r.labels ?? []).map((l) => `${l.scheme}:${l.value}`).join('; '),
      (r.chain ?? []).map((n) => n.label).join(' > '),
      (r.actors ?? []).map((a) => `${a.name} (${a.role})`).join('; '),
      r.evidence,
      r.url,
      r.title,
      r.publishedAt,
      r.eventType,
      r.eventSummary,
      r.eventDate,
      r.contradicted,
      r.reviewStatus,
    ]
      .map(csvCell)
      .join(',') + '\r\n'
  );
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
function write(res: http.ServerResponse, chunk: string): Promise<void> {
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
  const batch = (after: number | null): Promise<ExportRow[]> => {
    const afterCond: Prisma.Sql = after === null ? Prisma.empty : Prisma.sql`AND c.id < ${after}`;
    return ctx.db.$queryRaw<ExportRow[]>`
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
      FROM (SELECT c.id FROM ${q.from} WHERE ${q.where} ${afterCond} ORDER BY c.id DESC LIMIT ${BATCH}) page
      JOIN "Claim" c ON c.id = page.id
      JOIN "Article" art ON art.id = c."articleId"
      JOIN "Source" s ON s.id = c."sourceId"
      LEFT JOIN "Event" ev ON ev.id = c."eventId"
      ORDER BY c.id DESC`;
  };
  // The first batch is read before the 200: a database that fails at once gets a proper error status.
  let rows = await batch(null);
  res.statusCode = 200;
  res.setHeader('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/ld+json; charset=utf-8');
  res.setHeader('content-disposition', `attachment; filename="claims.${format === 'csv' ? 'csv' : 'jsonld'}"`);
  let written = 0;
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
      for (const r of rows) {
        // Offsets count UTF-16 code units, as everywhere in Claimgraph; PostgreSQL counts code points, so it returns a
        // prefix long enough (a code point is at least one unit) and JavaScript cuts the span.
        r.evidence = r.evidence.slice(r.evidenceStart, r.evidenceEnd);
        await write(res, format === 'csv' ? csvLine(r) : (written ? ',\n' : '') + JSON.stringify(jsonLd(r)));
        written++;
      }
      if (rows.length < BATCH) break;
      // No connection is held while the client reads: a slow reader must not pin one of the pool's connections.
      rows = await batch(rows.at(-1)!.id);
    }
    if (format === 'jsonld') await write(res, ']}\n');
    res.end();
    end({ outcome: 'complete', rows: written });
  } catch (err) {
    if (err instanceof ClientGone) {
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
