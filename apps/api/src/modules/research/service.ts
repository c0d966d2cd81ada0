import { Prisma, type BiasLabel, type ClaimCluster, type Event, type Source } from '@claimgraph/db';
import type { GraphQLResolveInfo } from 'graphql';
import type { ClaimFilter, QueryCoverageArgs } from '../../__generated__/resolvers.js';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { fromGlobalId, toGlobalId } from '../../ids.js';
import { getActor } from '../actors/service.js';
import { claimSql, resolveClaimFilter, type ResolvedClaimFilter } from '../claims/filter-sql.js';
import { getCluster, pageColumns, primeClaimPage, type ClaimPageRow } from '../claims/service.js';
import { reachSql, type Reach } from '../origins/service.js';
import { getEvent } from '../events/service.js';
import { visibleLabel, visibleSource } from '../sources/filter-sql.js';
import { selectsField } from '../../selection.js';
import { jsonDate } from '../../sql-list.js';

const MAX_CLAIMS = 500;

/**
 * Which outlets carry the claim set; blindspots are labelled outlets in the context (event reporters or same-actor
 * outlets) that do not. One statement from a claim (its claim set, carriers, blindspots, the labels of both and, when
 * the operation selects them, those outlets' rows with their labels for the loaders); a cluster or an event is read first.
 */
export async function coverage(ctx: Context, args: QueryCoverageArgs, info: GraphQLResolveInfo) {
  assertCan(ctx.viewer, 'workspace:read');
  const given = [args.claimId, args.clusterId, args.eventId].filter((v) => v != null);
  if (given.length !== 1) {
    throw new BadUserInputError('Give exactly one of claimId, clusterId or eventId', [
      { path: 'claimId', message: 'Give exactly one id' },
    ]);
  }
  const ws = ctx.viewer.workspaceId;
  // The claim set (`ids`: id, ordered) and the event it is measured against (`ev`: one row or none).
  let claimSet: Prisma.Sql;
  let missing: number | null = null; // the claim asked for, if it may not exist
  if (args.claimId) {
    const claimId = fromGlobalId(args.claimId, 'Claim').id;
    missing = claimId;
    // The claim, its cluster and SAME_AS partners, minus anything that contradicts it (that is not "carrying" it).
    claimSet = Prisma.sql`me AS (SELECT id, "clusterId", "eventId" FROM "Claim" WHERE id = ${claimId}::int AND "workspaceId" = ${ws}::int),
      ids AS (SELECT x.id FROM me CROSS JOIN LATERAL (
        SELECT me.id
        UNION SELECT id FROM "Claim" WHERE "workspaceId" = ${ws}::int AND me."clusterId" IS NOT NULL AND "clusterId" = me."clusterId"
        UNION SELECT CASE WHEN "fromClaimId" = me.id THEN "toClaimId" ELSE "fromClaimId" END FROM "ClaimRelation"
          WHERE "workspaceId" = ${ws}::int AND kind = 'SAME_AS' AND (me.id IN ("fromClaimId", "toClaimId"))) x
      WHERE NOT EXISTS (SELECT 1 FROM "ClaimRelation" r WHERE r.kind = 'CONTRADICTS'
        AND ((r."fromClaimId" = me.id AND r."toClaimId" = x.id) OR (r."toClaimId" = me.id AND r."fromClaimId" = x.id)))
      ORDER BY x.id LIMIT ${MAX_CLAIMS}::int),
      ev AS (SELECT "eventId" FROM me WHERE "eventId" IS NOT NULL)`;
  } else if (args.clusterId) {
    const cluster = await getCluster(ctx, fromGlobalId(args.clusterId, 'ClaimCluster').id);
    const rows = await ctx.direct.keyed<{ id: number; eventId: number | null }>(Prisma.sql`
      SELECT id, "eventId" FROM "Claim" WHERE "workspaceId" = ${ws} AND "clusterId" = ${cluster.id} ORDER BY id LIMIT ${MAX_CLAIMS}::int`);
    claimSet = givenSet(
      rows.map((r) => r.id),
      mostCommon(rows.map((r) => r.eventId)),
    );
  } else {
    const event = await getEvent(ctx, fromGlobalId(args.eventId ?? '', 'Event').id);
    const rows = await ctx.direct.keyed<{ id: number }>(Prisma.sql`
      SELECT id FROM "Claim" WHERE "workspaceId" = ${ws} AND "eventId" = ${event.id} ORDER BY id LIMIT ${MAX_CLAIMS}::int`);
    claimSet = givenSet(
      rows.map((r) => r.id),
      event.id,
    );
  }

  // Context: outlets that reported the event; for an event query, or without an event, outlets with claims about its actors.
  const byEvent = args.eventId ? Prisma.sql`false` : Prisma.sql`EXISTS (SELECT 1 FROM ev)`;
  const contextSql = Prisma.sql`SELECT a."sourceId" FROM "EventMention" em JOIN "Article" a ON a.id = em."articleId"
      WHERE ${byEvent} AND em."eventId" = (SELECT "eventId" FROM ev) AND a."workspaceId" = ${ws}::int
    UNION SELECT c."sourceId" FROM "Claim" c WHERE ${byEvent} AND c."eventId" = (SELECT "eventId" FROM ev) AND c."workspaceId" = ${ws}::int
    UNION SELECT c."sourceId" FROM "Claim" c JOIN "ClaimActor" ca ON ca."claimId" = c.id
      WHERE NOT ${byEvent} AND c."workspaceId" = ${ws}::int AND ca.role <> 'MENTIONED' AND ca."actorId" IN (
        SELECT "actorId" FROM "ClaimActor" WHERE "claimId" IN (SELECT id FROM ids) AND role <> 'MENTIONED'
        UNION SELECT "actorId" FROM "EventActor" WHERE "eventId" = (SELECT "eventId" FROM ev))`;
  const labelsJson = Prisma.sql`(SELECT coalesce(json_agg(bl ORDER BY bl.scheme, bl.value, bl.id), '[]') FROM "BiasLabel" bl
    WHERE bl."sourceId" = s.id AND ${visibleLabel('bl', ws)})`;
  const sources =
    !selectsField(info, 'source') && !selectsField(info, 'byLabel')
      ? Prisma.sql`NULL`
      : Prisma.sql`(
    SELECT json_agg(x) FROM (SELECT s.*, ${selectsField(info, 'labels') ? labelsJson : Prisma.sql`NULL`} AS "_labels" FROM "Source" s
      WHERE s.id IN (SELECT "sourceId" FROM carrier UNION ALL SELECT "sourceId" FROM blind) AND ${visibleSource('s', ws)}) x)`;
  const reach = selectsField(info, 'reach')
    ? Prisma.sql`(SELECT row_to_json(r) FROM (${reachSql(Prisma.sql`SELECT id FROM ids`, ws)}) r)`
    : Prisma.sql`NULL`;
  const claimColumns = selectsField(info, 'claims') && pageColumns(info, ws);
  const claims = claimColumns
    ? Prisma.sql`(SELECT coalesce(json_agg(x ORDER BY x.id), '[]') FROM (SELECT ${claimColumns} FROM "Claim" c
        WHERE c.id IN (SELECT id FROM ids) AND c."workspaceId" = ${ws}::int) x)`
    : Prisma.sql`NULL`;
  // Carriers, blindspots (every outlet in the context that carries none of the claims) and the labels of both, in one
  // statement with the claim set: the claim page waited on six round trips for these and the outlets.
  // Keys only (the claim set's ids, the workspace): one plan suits every claim.
  const [found] = await ctx.direct.keyed<{
    claimIds: number[] | null;
    eventId: number | null;
    carriers: { sourceId: number; claimCount: number }[];
    blindIds: number[];
    labels: { sourceId: number; scheme: string; value: string }[];
    sources: (Source & { _labels: BiasLabel[] | null })[] | null;
    reach: Reach | null;
    claims: ClaimPageRow[] | null;
  }>(Prisma.sql`
    WITH ${claimSet},
    carrier AS (SELECT "sourceId", count(*)::int AS "claimCount" FROM "Claim" WHERE id IN (SELECT id FROM ids) GROUP BY "sourceId"),
    blind AS (SELECT DISTINCT x."sourceId" FROM (${contextSql}) x WHERE x."sourceId" <> ALL(ARRAY(SELECT "sourceId" FROM carrier))),
    label AS (SELECT DISTINCT bl."sourceId", bl.scheme, bl.value FROM "BiasLabel" bl
      WHERE bl."sourceId" IN (SELECT "sourceId" FROM carrier UNION ALL SELECT "sourceId" FROM blind) AND ${visibleLabel('bl', ws)})
    SELECT (SELECT json_agg(id ORDER BY id) FROM ids) AS "claimIds", (SELECT "eventId" FROM ev) AS "eventId",
      (SELECT coalesce(json_agg(c ORDER BY c."claimCount" DESC, c."sourceId"), '[]') FROM carrier c) AS carriers,
      (SELECT coalesce(json_agg(b."sourceId" ORDER BY b."sourceId"), '[]') FROM blind b) AS "blindIds",
      (SELECT coalesce(json_agg(l ORDER BY l.scheme, l.value, l."sourceId"), '[]') FROM label l) AS labels,
      ${sources} AS sources, ${reach} AS reach, ${claims} AS claims`);
  const { claimIds, eventId, carriers, blindIds, labels } = found!;
  if (!claimIds && missing !== null) throw new NotFoundError('Claim', toGlobalId('Claim', missing));
  for (const { _labels, ...source } of found!.sources ?? []) {
    ctx.loaders.source.prime(source.id, { ...source, createdAt: jsonDate(source.createdAt) as Date });
    if (_labels) ctx.loaders.labelsBySource.prime(source.id, _labels.map(labelDates));
  }
  const carrierIds = carriers.map((c) => c.sourceId);
  const groups = new Map<string, { scheme: string; value: string; carriers: number[]; blindspots: number[] }>();
  for (const l of labels) {
    const key = `${l.scheme}\u0000${l.value}`;
    const g = groups.get(key) ?? { scheme: l.scheme, value: l.value, carriers: [], blindspots: [] };
    (carrierIds.includes(l.sourceId) ? g.carriers : g.blindspots).push(l.sourceId);
    groups.set(key, g);
  }
  return {
    eventId,
    claimIds: claimIds ?? [],
    reach: found!.reach,
    claims: found!.claims?.map((r) => primeClaimPage(ctx, r)) ?? null,
    basis: eventId !== null && !args.eventId ? ('EVENT' as const) : ('ACTORS' as const),
    carriers,
    blindspots: blindIds.map((sourceId) => ({ sourceId, claimCount: 0 })),
    byLabel: [...groups.values()],
  };
}

/** A claim set read beforehand, as coverage's statement takes it. */
const givenSet = (ids: number[], eventId: number | null) =>
  Prisma.sql`ids AS (SELECT unnest(${ids}::int[]) AS id), ev AS (SELECT "eventId" FROM (SELECT ${eventId}::int AS "eventId") e WHERE "eventId" IS NOT NULL)`;

const labelDates = (l: BiasLabel): BiasLabel => ({
  ...l,
  assertedAt: jsonDate(l.assertedAt) as Date | null,
  retiredAt: jsonDate(l.retiredAt) as Date | null,
  createdAt: jsonDate(l.createdAt) as Date,
});

function mostCommon(values: (number | null)[]): number | null {
  const counts = new Map<number, number>();
  for (const v of values) if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

const BUCKETS = { DAY: 'day', WEEK: 'week', MONTH: 'month' } as const;

/**
 * The timeline's series kept by triggers in "TimelineDelta" (see its migration): every claim of the workspace (0), or
 * one actor's claims, by article date. Other filters (labels, outlets, dates, text…) are computed from the claims.
 */
function keptSeries(f: ResolvedClaimFilter): number | null {
  // Any other condition (one added later too) narrows the claims: not a kept series.
  const { workspaceId: _ws, actorIds, labels, labelMatch: _match, dateField, ...rest } = f;
  if (dateField !== 'ARTICLE' || labels.length) return null;
  if (Object.values(rest).some((v) => (Array.isArray(v) ? v.length : v !== null))) return null;
  if (actorIds === null) return 0;
  return actorIds.length === 1 ? actorIds[0]! : null;
}

/** Volume rows beyond one per day (appended since the last fold) past which a read asks for a fold, after answering. */
const ROLLUP_SLACK = 1000;
/** Rows of any series appended since a series' fold past which its month reads (which pass over them) fold it. */
const LATE_SLACK = 20 * ROLLUP_SLACK;

type TimelineRows = [
  { start: Date; n: number; extra?: number }[],
  { start: Date; scheme: string; value: string; count: number }[],
  (Event & { bucketStart: Date })[],
];

/** Folds a series after answering, by the one request that gets the lock; a failure only leaves more rows to sum. */
const foldTimeline = (ctx: Context, actorId: number) =>
  void ctx.db.$queryRaw`SELECT "claimgraph_timeline_rollup"(${ctx.viewer.workspaceId}::int, ${actorId}::int)`.catch(
    (err: unknown) => ctx.log.warn({ err }, 'timeline roll-up failed'),
  );

/**
 * Month sums from a series' month rows and the rows appended after the fold that wrote them (see the migration
 * timeline_months): ~850 rows at 1M claims instead of ~16,000 day rows. Null before the series' first fold.
 */
async function keptMonths(
  ctx: Context,
  actorId: number,
  labelScheme: string | null | undefined,
): Promise<[TimelineRows[0], TimelineRows[1]] | null> {
  const series = Prisma.sql`"workspaceId" = ${ctx.viewer.workspaceId} AND "actorId" = ${actorId}`;
  const schemeCond = labelScheme ? Prisma.sql`AND lower(scheme) = lower(${labelScheme})` : Prisma.empty;
  for (let tries = 0; tries < 3; tries++) {
    const [fold] = await ctx.direct.rows<{ upTo: string; top: string }>(Prisma.sql`
      SELECT "upTo", pg_sequence_last_value('"TimelineDelta_id_seq"') AS top FROM "TimelineFold" WHERE ${series}`);
    if (!fold) return null;
    // The watermark as a value, not a subquery, so the plan reads the rows after it by id; the statement returns the
    // watermark it saw, and a fold committed in between is read again.
    const [r] = await ctx.direct.rows<{
      upTo: string | null;
      late: number;
      volumes: { month: string; n: number }[] | null;
      labels: { month: string; scheme: string; value: string; count: number }[] | null;
    }>(Prisma.sql`
      WITH m AS (
        SELECT month, scheme, value, n FROM "TimelineMonth" WHERE ${series}
        UNION ALL
        SELECT date_trunc('month', day)::date, scheme, value, n FROM "TimelineDelta"
         WHERE id > ${fold.upTo}::bigint AND ${series} AND day IS NOT NULL)
      SELECT (SELECT "upTo" FROM "TimelineFold" WHERE ${series}) AS "upTo",
        (SELECT count(*) FROM "TimelineDelta" WHERE id > ${fold.upTo}::bigint AND ${series})::int AS late,
        (SELECT json_agg(v ORDER BY month) FROM (
          SELECT month, sum(n)::int AS n FROM m WHERE scheme = '' GROUP BY month HAVING sum(n) > 0 ORDER BY month LIMIT 300) v) AS volumes,
        (SELECT json_agg(l ORDER BY month, count DESC, scheme, value) FROM (
          SELECT month, scheme, value, sum(n)::int AS count FROM m WHERE scheme > '' ${schemeCond}
          GROUP BY month, scheme, value HAVING sum(n) > 0) l) AS labels`);
    if (r!.upTo !== fold.upTo) continue;
    if (r!.late > ROLLUP_SLACK || BigInt(fold.top ?? 0) - BigInt(fold.upTo) > LATE_SLACK) foldTimeline(ctx, actorId);
    // A DATE in JSON ('2024-03-01') is read as UTC midnight.
    return [
      (r!.volumes ?? []).map((v) => ({ start: new Date(v.month), n: v.n })),
      (r!.labels ?? []).map(({ month, ...l }) => ({ start: new Date(month), ...l })),
    ];
  }
  return null;
}

/** The three answers from the kept series: sums of a few rows per month or day, label and event instead of every claim. */
async function keptTimeline(
  ctx: Context,
  actorId: number,
  unit: string,
  labelScheme: string | null | undefined,
): Promise<TimelineRows> {
  const ws = ctx.viewer.workspaceId;
  const schemeCond = labelScheme ? Prisma.sql`AND lower(scheme) = lower(${labelScheme})` : Prisma.empty;
  const series = Prisma.sql`"TimelineDelta" WHERE "workspaceId" = ${ws} AND "actorId" = ${actorId}`;
  const start = Prisma.sql`date_trunc(${unit}, day::timestamp) AT TIME ZONE 'UTC'`;
  // Through node-postgres (ctx.direct): ~1,500 event rows and ~850 label rows a request at 1M claims, which Prisma's
  // result decoding spent more CPU on than PostgreSQL on the sums.
  const days = async (): Promise<[TimelineRows[0], TimelineRows[1]]> => {
    const sums = await Promise.all([
      ctx.direct.rows<{ start: Date; n: number; extra: number }>(Prisma.sql`
        SELECT ${start} AS start, sum(n)::int AS n, (count(*) - count(DISTINCT day))::int AS extra FROM ${series} AND scheme = '' AND day IS NOT NULL
        GROUP BY 1 HAVING sum(n) > 0 ORDER BY start LIMIT 300`),
      ctx.direct.rows<{ start: Date; scheme: string; value: string; count: number }>(Prisma.sql`
        SELECT ${start} AS start, scheme, value, sum(n)::int AS count FROM ${series} AND scheme > '' AND day IS NOT NULL ${schemeCond}
        GROUP BY 1, 2, 3 HAVING sum(n) > 0 ORDER BY start, count DESC, scheme, value`),
    ]);
    // Before a series' first fold a month read folds it (and writes its month rows).
    if (unit === 'month' || sums[0].reduce((a, v) => a + v.extra, 0) > ROLLUP_SLACK) foldTimeline(ctx, actorId);
    return sums;
  };
  const [[volumes, perLabel], events] = await Promise.all([
    unit === 'month' ? keptMonths(ctx, actorId, labelScheme).then((m) => m ?? days()) : days(),
    // Dates as epoch milliseconds: parsing ~4,500 date strings a request (postgres-date) was ~4 % of the API's CPU.
    // date_part's float8 (rounded: the columns hold whole milliseconds) and the bucket as UTC wall time cost
    // PostgreSQL less than extract's numeric and date_trunc with a zone argument.
    ctx.direct
      .rows<
        Omit<Event, 'occurredAt' | 'createdAt'> & { occurredAt: number | null; createdAt: number; bucketStart: number }
      >(
        Prisma.sql`
      -- The first 20 of each bucket chosen by id and date alone (a narrow sort of the series' ~4,000 events at 1M
      -- claims), then their rows.
      SELECT e.id, e."workspaceId", e.type, e.summary, e."occurredPrecision", e.place,
        round(date_part('epoch', e."occurredAt") * 1000) AS "occurredAt", round(date_part('epoch', e."createdAt") * 1000) AS "createdAt",
        round(date_part('epoch', x."bucketStart") * 1000) AS "bucketStart"
      FROM (
        SELECT e.id, date_trunc(${unit}, e."occurredAt" AT TIME ZONE 'UTC') AS "bucketStart",
          row_number() OVER (PARTITION BY date_trunc(${unit}, e."occurredAt" AT TIME ZONE 'UTC') ORDER BY e."occurredAt", e.id) AS rn
        FROM "Event" e WHERE e.id IN (SELECT "eventId" FROM ${series} AND scheme = '' AND day IS NULL GROUP BY "eventId" HAVING sum(n) > 0)
          AND e."occurredAt" IS NOT NULL) x
      JOIN "Event" e ON e.id = x.id WHERE x.rn <= 20 ORDER BY x."bucketStart", x.rn`,
      )
      .then((rows) =>
        rows.map((e) => ({
          ...e,
          occurredAt: e.occurredAt === null ? null : new Date(e.occurredAt),
          createdAt: new Date(e.createdAt),
          bucketStart: new Date(e.bucketStart),
        })),
      ),
  ]);
  return [volumes, perLabel, events];
}

/**
 * Claim volume per time bucket and bias label, plus the events of those claims per bucket. Three SQL statements,
 * over the kept series when the filter is one of them (none, or one actor), else over the matching claims.
 */
export async function timeline(
  ctx: Context,
  rawFilter: ClaimFilter | null | undefined,
  bucket: keyof typeof BUCKETS,
  labelScheme: string | null | undefined,
) {
  assertCan(ctx.viewer, 'workspace:read');
  const filter = await resolveClaimFilter(ctx.db, ctx.viewer.workspaceId, rawFilter);
  const unit = BUCKETS[bucket];
  const kept = keptSeries(filter);
  const [volumes, perLabel, events] =
    kept === null
      ? await matchingTimeline(ctx, filter, unit, labelScheme)
      : await keptTimeline(ctx, kept, unit, labelScheme);
  const buckets = new Map<
    number,
    { start: Date; claimCount: number; byLabel: { scheme: string; value: string; count: number }[]; events: Event[] }
  >();
  const at = (start: Date) => {
    const key = start.getTime();
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { start, claimCount: 0, byLabel: [], events: [] }));
    return b;
  };
  for (const v of volumes) at(v.start).claimCount = v.n;
  for (const l of perLabel) at(l.start).byLabel.push({ scheme: l.scheme, value: l.value, count: l.count });
  for (const e of events) {
    const { bucketStart, ...event } = e;
    delete (event as Record<string, unknown>).rn;
    ctx.loaders.event.prime(event.id, event);
    at(bucketStart).events.push(event);
  }
  return { bucket, buckets: [...buckets.values()].sort((a, b) => a.start.getTime() - b.start.getTime()) };
}

/** The timeline's three answers computed from the claims matching any filter. */
async function matchingTimeline(
  ctx: Context,
  filter: ResolvedClaimFilter,
  unit: string,
  labelScheme: string | null | undefined,
): Promise<TimelineRows> {
  const q = claimSql(filter);
  const dateExpr =
    filter.dateField === 'EVENT'
      ? Prisma.sql`(SELECT ev."occurredAt" FROM "Event" ev WHERE ev.id = c."eventId")`
      : Prisma.sql`c."publishedAt"`;
  const matching = Prisma.sql`SELECT c.id, c."sourceId", c."eventId", date_trunc(${unit}, ${dateExpr}, 'UTC') AS start FROM ${q.from} WHERE ${q.where}`;
  const schemeCond = labelScheme ? Prisma.sql`AND lower(bl.scheme) = lower(${labelScheme})` : Prisma.empty;
  return Promise.all([
    ctx.db.$queryRaw<{ start: Date; n: number }[]>`
      WITH m AS (${matching}) SELECT start, count(*)::int AS n FROM m WHERE start IS NOT NULL GROUP BY start ORDER BY start LIMIT 300`,
    ctx.db.$queryRaw<{ start: Date; scheme: string; value: string; count: number }[]>`
      WITH m AS (${matching})
      SELECT m.start, bl.scheme, bl.value, count(DISTINCT m.id)::int AS count FROM m JOIN "BiasLabel" bl ON bl."sourceId" = m."sourceId"
      WHERE m.start IS NOT NULL AND ${visibleLabel('bl', ctx.viewer.workspaceId)} ${schemeCond}
      GROUP BY m.start, bl.scheme, bl.value ORDER BY m.start, count DESC, bl.scheme, bl.value`,
    ctx.db.$queryRaw<(Event & { bucketStart: Date })[]>`
      WITH m AS (${matching})
      SELECT * FROM (
        SELECT e.*, date_trunc(${unit}, e."occurredAt", 'UTC') AS "bucketStart",
          row_number() OVER (PARTITION BY date_trunc(${unit}, e."occurredAt", 'UTC') ORDER BY e."occurredAt", e.id) AS rn
        FROM "Event" e WHERE e.id IN (SELECT "eventId" FROM m) AND e."occurredAt" IS NOT NULL) x
      WHERE rn <= 20`,
  ]);
}

type MatrixRows = [
  { clusterId: number; n: number }[],
  { clusterId: number; scheme: string; value: string; carriers: number; silent: number }[],
];

/** The cells of the given clusters: per visible label, outlets carrying each (`carrier`) and those silent on it. */
const matrixCells = (
  ctx: Context,
  ids: number[],
  labelScheme: string | null | undefined,
  carrier: Prisma.Sql,
  clusterEvent: Prisma.Sql,
  eventOutlets: Prisma.Sql,
) =>
  ctx.direct.keyed<MatrixRows[1][number]>(Prisma.sql`
    WITH carrier AS (${carrier}),
    reporter AS (
      -- The cluster's event: the one most of its claims are about (as coverage(clusterId) does).
      SELECT DISTINCT ce."clusterId", x."sourceId" FROM (${clusterEvent}) ce
      CROSS JOIN LATERAL (
        SELECT a."sourceId" FROM "EventMention" em JOIN "Article" a ON a.id = em."articleId" WHERE em."eventId" = ce."eventId"
        UNION ${eventOutlets}) x),
    cell AS (
      SELECT "clusterId", "sourceId", true AS carries FROM carrier
      UNION ALL SELECT "clusterId", "sourceId", false FROM (SELECT * FROM reporter EXCEPT SELECT * FROM carrier) s)
    -- An outlet is in a cluster's cells once (carrier or silent), and once per label however many raters give it:
    -- counted after a hashed DISTINCT rather than by count(DISTINCT), which sorts every group.
    SELECT "clusterId", scheme, value, count(*) FILTER (WHERE carries)::int AS carriers,
      count(*) FILTER (WHERE NOT carries)::int AS silent
    FROM (
      SELECT DISTINCT cell."clusterId", cell."sourceId", cell.carries, bl.scheme, bl.value
      FROM cell JOIN "BiasLabel" bl ON bl."sourceId" = cell."sourceId"
      WHERE ${visibleLabel('bl', ctx.viewer.workspaceId)}
        ${labelScheme ? Prisma.sql`AND lower(bl.scheme) = lower(${labelScheme})` : Prisma.empty}) x
    GROUP BY "clusterId", scheme, value ORDER BY scheme, value`);

/** The matrix from the claims matching any filter. */
async function matchingMatrix(
  ctx: Context,
  filter: ResolvedClaimFilter,
  limit: number,
  labelScheme: string | null | undefined,
): Promise<MatrixRows> {
  const ws = ctx.viewer.workspaceId;
  const q = claimSql(filter);
  const rows = await ctx.db.$queryRaw<MatrixRows[0]>`
    SELECT c."clusterId", count(*)::int AS n FROM ${q.from} WHERE ${q.where} AND c."clusterId" IS NOT NULL
    GROUP BY c."clusterId" ORDER BY n DESC, c."clusterId" LIMIT ${limit}`;
  const ids = rows.map((r) => r.clusterId);
  if (!ids.length) return [rows, []];
  const cells = await matrixCells(
    ctx,
    ids,
    labelScheme,
    Prisma.sql`SELECT DISTINCT c."clusterId", c."sourceId" FROM "Claim" c WHERE c."workspaceId" = ${ws} AND c."clusterId" = ANY(${ids}::int[])`,
    Prisma.sql`SELECT DISTINCT ON ("clusterId") "clusterId", "eventId" FROM "Claim"
      WHERE "workspaceId" = ${ws} AND "clusterId" = ANY(${ids}::int[]) AND "eventId" IS NOT NULL
      GROUP BY "clusterId", "eventId" ORDER BY "clusterId", count(*) DESC, "eventId"`,
    Prisma.sql`SELECT c2."sourceId" FROM "Claim" c2 WHERE c2."eventId" = ce."eventId"`,
  );
  return [rows, cells];
}

/**
 * The matrix from the counts kept in "ClusterDelta" (see its migration) for the workspace's claims (series 0) or one
 * actor's: sums of a series' rows per cluster, of the top clusters' outlet and event rows, and of their events'
 * outlet rows, instead of every matching claim. Event mentions are read as they are (a few per event).
 */
async function keptMatrix(
  ctx: Context,
  actorId: number,
  limit: number,
  labelScheme: string | null | undefined,
): Promise<MatrixRows> {
  const ws = ctx.viewer.workspaceId;
  // The top clusters' rows come along (the matrix's rows resolve them: one round trip less).
  const [top] = await ctx.direct.keyed<{
    rows: (MatrixRows[0][number] & { cluster: ClaimCluster | null })[];
    extra: number;
  }>(Prisma.sql`
    WITH g AS (
      SELECT "clusterId", sum(n)::int AS n, count(*)::int AS k FROM "ClusterDelta" WHERE "workspaceId" = ${ws} AND "actorId" = ${actorId}
      GROUP BY "clusterId")
    SELECT (SELECT coalesce(json_agg(json_build_object('clusterId', t."clusterId", 'n', t.n, 'cluster', cc) ORDER BY t.n DESC, t."clusterId"), '[]')
        FROM (SELECT "clusterId", n FROM g WHERE n > 0 ORDER BY n DESC, "clusterId" LIMIT ${limit}) t
        LEFT JOIN "ClaimCluster" cc ON cc.id = t."clusterId") AS rows,
      (SELECT coalesce(sum(k), 0) - count(*) FROM g)::int AS extra`);
  const rows = top!.rows;
  for (const { cluster } of rows)
    if (cluster) ctx.loaders.cluster.prime(cluster.id, { ...cluster, createdAt: jsonDate(cluster.createdAt) as Date });
  const ids = rows.map((r) => r.clusterId);
  if (!ids.length) return [rows, []];
  const kept = Prisma.sql`"ClusterDelta" WHERE "workspaceId" = ${ws} AND "actorId" IS NULL`;
  const cells = await matrixCells(
    ctx,
    ids,
    labelScheme,
    Prisma.sql`SELECT "clusterId", "sourceId" FROM ${kept} AND "clusterId" = ANY(${ids}::int[]) AND "sourceId" IS NOT NULL
      GROUP BY "clusterId", "sourceId" HAVING sum(n) > 0`,
    Prisma.sql`SELECT DISTINCT ON ("clusterId") "clusterId", "eventId" FROM ${kept} AND "clusterId" = ANY(${ids}::int[]) AND "eventId" IS NOT NULL
      GROUP BY "clusterId", "eventId" HAVING sum(n) > 0 ORDER BY "clusterId", sum(n) DESC, "eventId"`,
    Prisma.sql`SELECT "sourceId" FROM ${kept} AND "clusterId" IS NULL AND "eventId" = ce."eventId" GROUP BY "sourceId" HAVING sum(n) > 0`,
  );
  if (top!.extra > ROLLUP_SLACK) {
    // Folded after answering (as the timeline's series): the series' rows, and its top clusters' and their events'.
    ctx.db.$queryRaw`SELECT "claimgraph_cluster_rollup"(${ws}::int, ${actorId}::int, ${ids}::int[],
        ARRAY(SELECT "eventId" FROM ${kept} AND "clusterId" = ANY(${ids}::int[]) AND "eventId" IS NOT NULL))`.catch(
      (err: unknown) => ctx.log.warn({ err }, 'coverage matrix roll-up failed'),
    );
  }
  return [rows, cells];
}

/**
 * Coverage matrix: the `limit` clusters with the most claims matching the filter, and for each bias label how
 * many of its outlets carry the cluster (any claim in it) and how many reported the cluster's event (the one most
 * of its claims are about) without carrying it ("silent"). One SQL statement for the rows, one for the cells, over
 * the kept counts when the filter is one of their series (none, or one actor), else over the matching claims.
 */
export async function coverageMatrix(
  ctx: Context,
  rawFilter: ClaimFilter | null | undefined,
  limit: number,
  labelScheme: string | null | undefined,
) {
  assertCan(ctx.viewer, 'workspace:read');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw new BadUserInputError('clusters must be between 1 and 100', [{ path: 'clusters', message: 'Use 1 to 100' }]);
  const filter = await resolveClaimFilter(ctx.db, ctx.viewer.workspaceId, rawFilter);
  const kept = keptSeries(filter);
  const [rows, cells] =
    kept === null
      ? await matchingMatrix(ctx, filter, limit, labelScheme)
      : await keptMatrix(ctx, kept, limit, labelScheme);
  const labels = new Map(cells.map((c) => [`${c.scheme}\u0000${c.value}`, { scheme: c.scheme, value: c.value }]));
  return {
    labels: [...labels.values()],
    rows: rows.map((r) => ({
      clusterId: r.clusterId,
      claimCount: r.n,
      cells: cells
        .filter((c) => c.clusterId === r.clusterId)
        .map(({ scheme, value, carriers, silent }) => ({ scheme, value, carriers, silent })),
    })),
  };
}

/** Breadth-first co-occurrence network: one SQL per hop plus one for the edges among the chosen actors. */
export async function actorGraph(ctx: Context, actorGlobalId: string, depth: number, limit: number) {
  assertCan(ctx.viewer, 'workspace:read');
  if (!Number.isInteger(depth) || depth < 1 || depth > 3)
    throw new BadUserInputError('depth must be 1, 2 or 3', [{ path: 'depth', message: 'Use 1 to 3' }]);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200)
    throw new BadUserInputError('limit must be between 1 and 200', [{ path: 'limit', message: 'Use 1 to 200' }]);
  const center = await getActor(ctx, fromGlobalId(actorGlobalId, 'Actor').id);
  const ws = ctx.viewer.workspaceId;
  const nodes = new Map<number, number>([[center.id, 0]]);
  let frontier = [center.id];
  for (let d = 1; d <= depth && frontier.length && nodes.size < limit + 1; d++) {
    const neighbours = await ctx.db.$queryRaw<{ actorId: number; w: number }[]>`
      SELECT ca2."actorId", count(DISTINCT ca1."claimId")::int AS w
      FROM "ClaimActor" ca1 JOIN "ClaimActor" ca2 ON ca2."claimId" = ca1."claimId" AND ca2."actorId" <> ca1."actorId"
      JOIN "Claim" c ON c.id = ca1."claimId" AND c."workspaceId" = ${ws}
      WHERE ca1."actorId" = ANY(${frontier}::int[]) AND ca2."actorId" <> ALL(${[...nodes.keys()]}::int[])
      GROUP BY ca2."actorId" ORDER BY w DESC, ca2."actorId" LIMIT ${limit + 1 - nodes.size}`;
    frontier = neighbours.map((n) => n.actorId);
    for (const id of frontier) nodes.set(id, d);
  }
  const ids = [...nodes.keys()];
  const edges = await ctx.db.$queryRaw<{ fromId: number; toId: number; weight: number }[]>`
    SELECT ca1."actorId" AS "fromId", ca2."actorId" AS "toId", count(DISTINCT ca1."claimId")::int AS weight
    FROM "ClaimActor" ca1 JOIN "ClaimActor" ca2 ON ca2."claimId" = ca1."claimId" AND ca1."actorId" < ca2."actorId"
    JOIN "Claim" c ON c.id = ca1."claimId" AND c."workspaceId" = ${ws}
    WHERE ca1."actorId" = ANY(${ids}::int[]) AND ca2."actorId" = ANY(${ids}::int[])
    GROUP BY 1, 2 ORDER BY weight DESC, 1, 2 LIMIT ${10 * ids.length}`;
  return { center, nodes: ids.map((id) => ({ actorId: id, depth: nodes.get(id) ?? 0 })), edges };
}
