// Event merge: the same happening reported by many articles is one Event.
import type { DatePrecision, EventRole, EventType, ExtractedEvent } from '@claimgraph/shared';
import { normalizeName } from '../normalize.js';
import { eventKeys, lockKeys } from './locks.js';
import { sql } from './sql.js';
import type { IngestCounts, Tx } from './types.js';

const DAY = 86_400_000;
/** Newest events of each shared actor considered as merge candidates. */
const EVENTS_PER_ACTOR = 100;
/** Precisions that place a happening for compare() (the link stage passes only these dates on). */
const DAY_PRECISE: ReadonlySet<DatePrecision> = new Set(['DAY', 'EXACT']);

interface Candidate {
  id: number;
  type: EventType;
  occurredAt: Date | null;
  precision: DatePrecision;
  place: string | null;
  actorIds: Set<number>;
  /** Actors the happening was done to: victims, and targeted persons. */
  victims: Set<number>;
}

interface CandidateRow {
  id: number;
  type: EventType;
  at: string | null;
  precision: DatePrecision;
  place: string | null;
  actors: { id: number; role: EventRole; kind: string | null }[]; // kind: only for targets (see isVictim)
}

/** How far apart two dates of these precisions may be and still name the same day/month/year. */
function datesAgree(a: Date, pa: DatePrecision, b: Date, pb: DatePrecision): boolean {
  const coarse = [pa, pb];
  if (coarse.includes('YEAR')) return a.getUTCFullYear() === b.getUTCFullYear();
  if (coarse.includes('MONTH')) return a.getUTCFullYear() === b.getUTCFullYear() && a.getUTCMonth() === b.getUTCMonth();
  // One day either way: a night strike is "January 3" in Baghdad and "January 2" in Washington.
  const window = coarse.includes('APPROXIMATE') ? 3 * DAY : 1 * DAY;
  return Math.abs(a.getTime() - b.getTime()) <= window;
}

/** Dates a date of this precision can agree with (see datesAgree), with the slack of the query window. */
function span(d: Date, precision: DatePrecision): { from: Date; to: Date } {
  const y = d.getUTCFullYear();
  if (precision === 'YEAR') return { from: new Date(Date.UTC(y, 0, 1)), to: new Date(Date.UTC(y + 1, 0, 1)) };
  if (precision === 'MONTH')
    return { from: new Date(Date.UTC(y, d.getUTCMonth(), 1)), to: new Date(Date.UTC(y, d.getUTCMonth() + 1, 1)) };
  return { from: new Date(d.getTime() - 4 * DAY), to: new Date(d.getTime() + 4 * DAY) };
}

const isVictim = (role: EventRole, kind: string | null) =>
  role === 'VICTIM' || (role === 'TARGET' && kind === 'PERSON');

function placesAgree(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = normalizeName(a);
  const y = normalizeName(b);
  return x.length > 0 && y.length > 0 && (x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `));
}

function parseDate(value: string | null, precision: DatePrecision): Date | null {
  if (!value || precision === 'UNKNOWN') return null;
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** Score of `c` as the same happening as the extracted event; 0 = different. */
function matchScore(
  c: Candidate,
  type: EventType,
  date: Date | null,
  precision: DatePrecision,
  place: string | null,
  actorIds: number[],
  victims: number[],
): number {
  if (c.type !== type) return 0;
  const overlap = actorIds.filter((id) => c.actorIds.has(id)).length;
  const sameVictim = victims.some((id) => c.victims.has(id));
  const samePlace = placesAgree(c.place, place);
  if (date && c.occurredAt) {
    if (!datesAgree(date, precision, c.occurredAt, c.precision)) return 0;
    if (!overlap && !samePlace) return 0;
    return 10 + 2 * overlap + (samePlace ? 3 : 0) + (sameVictim ? 3 : 0);
  }
  // Without two dates, demand stronger evidence: the same victim, or a shared actor at the same place.
  // (Shared states alone — "Israel", "United States" — would merge every strike into one.)
  // Ties go to the precisely dated event: it is the better anchor for an undated mention.
  const precise = c.occurredAt && (c.precision === 'DAY' || c.precision === 'EXACT') ? 1 : 0;
  if (sameVictim) return 2 * overlap + (samePlace ? 3 : 0) + 3 + precise;
  if (samePlace && overlap >= 1) return 2 * overlap + 3 + precise;
  return 0;
}

/**
 * Maps each extracted event to an Event of the workspace: merged with an existing one when it is the
 * same happening (same type, dates agreeing within their precision, shared actors or place), created
 * otherwise. Also records the article's EventMentions, and sets the event of the article's `claims` already
 * written (stage 1 writes them before it takes the event keys: see ingest.ts).
 */
export async function resolveEvents(
  tx: Tx,
  workspaceId: number,
  articleId: number,
  events: ExtractedEvent[],
  actorIds: Map<string, number>,
  actorKinds: Map<string, string>,
  counts: IngestCounts,
  /** Told the stored events this article gave their first day (what compare() reads of an event's date). */
  redated: number[] = [],
  claims: readonly { id: number; extracted: { eventKey: string | null } }[] = [],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (!events.length) return out;
  const idsOf = (e: ExtractedEvent) =>
    e.actors.map((a) => actorIds.get(a.actorKey)).filter((x): x is number => x !== undefined);
  const allActorIds = [...new Set(events.flatMap(idsOf))];
  // When every new event is dated, only events near those dates (or undated ones) can match.
  const dates = events.map((e) => parseDate(e.date.value, e.date.precision));
  const window =
    dates.every((d) => d) &&
    events.every(
      (e) => e.date.precision === 'DAY' || e.date.precision === 'EXACT' || e.date.precision === 'APPROXIMATE',
    )
      ? {
          gte: new Date(Math.min(...dates.map((d) => d!.getTime())) - 4 * DAY),
          lte: new Date(Math.max(...dates.map((d) => d!.getTime())) + 4 * DAY),
        }
      : null;
  const types = [...new Set(events.map((e) => e.type))];
  // Two dated events match only when their dates agree: per dated new event, the span a matching
  // date lies in. Where a side is undated, only a shared victim, or a shared actor at the same place,
  // makes a match (see matchScore).
  const spans = events.flatMap((e, i) => (dates[i] ? [span(dates[i]!, e.date.precision)] : []));
  const undatedIds = [...new Set(events.flatMap((e, i) => (dates[i] ? [] : idsOf(e))))];
  const victimIds = [
    ...new Set(
      events.flatMap((e) =>
        e.actors
          .filter((a) => isVictim(a.role, actorKinds.get(a.actorKey) ?? 'OTHER'))
          .map((a) => actorIds.get(a.actorKey)),
      ),
    ),
  ].filter((x): x is number => x !== undefined);
  const placedIds = [...new Set(events.filter((e) => e.place).flatMap(idsOf))];
  // No workspace lock: writers whose events could merge with these wait for each other here (locks.ts),
  // so the candidates below include every such event committed before, and none is being created now.
  const victimsOf = (e: ExtractedEvent) =>
    e.actors
      .filter((a) => isVictim(a.role, actorKinds.get(a.actorKey) ?? 'OTHER'))
      .flatMap((a) => actorIds.get(a.actorKey) ?? []);
  await lockKeys(
    tx,
    eventKeys(
      workspaceId,
      events.map((e, i) => ({
        type: e.type,
        date: dates[i] ?? null,
        precision: e.date.precision,
        actorIds: idsOf(e),
        victimIds: victimsOf(e),
        placed: !!e.place,
      })),
    ),
  );
  // Candidates and ids for the events this article may create (unused ones are just gaps), in one
  // round trip. Candidates, of the same types: the events dated within a new event's span; and among
  // the newest EVENTS_PER_ACTOR events of each shared actor (EventActor (actorId, eventId) walked
  // backwards, so a common actor such as "Iran" costs no more than a rare one) those that could
  // match with an undated or coarsely dated side. Both parts are bounded, so the cost does not grow
  // with the corpus. (The type is compared as text so that the date index and the primary key drive
  // the scans; each branch looks events up row by row — OFFSET 0 keeps the planner from turning the
  // look-ups into a scan of every event of the workspace, which it does when the statistics of a
  // fast-growing table lag behind it.)
  const [head] = await tx.query<{ pool: number[]; candidates: CandidateRow[] }>(sql`
    WITH near AS (
      SELECT e.* FROM unnest(${spans.map((s) => s.from)}::timestamptz[], ${spans.map((s) => s.to)}::timestamptz[]) AS w(lo, hi)
      CROSS JOIN LATERAL (
        SELECT e.id, e.type, e."occurredAt" AS at, e."occurredPrecision" AS precision, e.place FROM "Event" e
         WHERE e."workspaceId" = ${workspaceId}::int AND e."occurredAt" BETWEEN w.lo AND w.hi AND e.type::text = ANY(${types}::text[]) OFFSET 0) e
    ), walked AS MATERIALIZED (
      SELECT x."eventId" AS id, a.id AS actor FROM unnest(${allActorIds}::int[]) AS a(id)
      CROSS JOIN LATERAL (SELECT ea."eventId" FROM "EventActor" ea WHERE ea."actorId" = a.id ORDER BY ea."eventId" DESC LIMIT ${EVENTS_PER_ACTOR}::int) x
    ), recent AS (
      SELECT e.* FROM walked w CROSS JOIN LATERAL (
        SELECT e.id, e.type, e."occurredAt" AS at, e."occurredPrecision" AS precision, e.place FROM "Event" e
         WHERE e.id = w.id AND e."workspaceId" = ${workspaceId}::int AND e.type::text = ANY(${types}::text[])
           AND (e."occurredPrecision" IN ('MONTH', 'YEAR')
                OR ((e."occurredAt" IS NULL OR w.actor = ANY(${undatedIds}::int[])) AND (w.actor = ANY(${victimIds}::int[]) OR (e.place IS NOT NULL AND w.actor = ANY(${placedIds}::int[])))))
        OFFSET 0) e
    ), c AS (
      SELECT * FROM (SELECT * FROM near UNION SELECT * FROM recent) u
       WHERE ${window === null}::boolean OR u.at IS NULL OR u.at BETWEEN ${window?.gte ?? null}::timestamptz AND ${window?.lte ?? null}::timestamptz
       ORDER BY u.id DESC LIMIT 500
    )
    SELECT (SELECT array_agg(nextval(pg_get_serial_sequence('"Event"', 'id'))::int) FROM generate_series(1, ${events.length}::int)) AS pool,
           coalesce((SELECT json_agg(json_build_object('id', c.id, 'type', c.type, 'at', c.at, 'precision', c.precision, 'place', c.place, 'actors',
                                       -- (the kind only where it decides victimhood, a target: one primary-key look-up each)
                                       coalesce((SELECT json_agg(json_build_object('id', ea."actorId", 'role', ea.role, 'kind',
                                                                   CASE WHEN ea.role = 'TARGET' THEN (SELECT ac.kind FROM "Actor" ac WHERE ac.id = ea."actorId") END))
                                                   FROM "EventActor" ea WHERE ea."eventId" = c.id), '[]'::json))
                                     ORDER BY c.id DESC)
                       FROM c), '[]'::json) AS candidates`);
  const candidates: Candidate[] = head!.candidates.map((r) => ({
    id: r.id,
    type: r.type,
    occurredAt: r.at ? new Date(r.at) : null,
    precision: r.precision,
    place: r.place,
    actorIds: new Set(r.actors.map((a) => a.id)),
    victims: new Set(r.actors.filter((a) => isVictim(a.role, a.kind)).map((a) => a.id)),
  }));
  const pool = [...head!.pool];
  const created: {
    id: number;
    workspaceId: number;
    type: EventType;
    summary: string;
    occurredAt: Date | null;
    occurredPrecision: DatePrecision;
    place: string | null;
  }[] = [];
  const eventActors: { eventId: number; actorId: number; role: EventRole }[] = [];
  const mentions: {
    eventId: number;
    articleId: number;
    surface: string;
    dateText: string | null;
    start: number;
    end: number;
  }[] = [];
  for (const e of events) {
    const ids = e.actors.map((a) => actorIds.get(a.actorKey)).filter((x): x is number => x !== undefined);
    const victims = e.actors
      .filter((a) => isVictim(a.role, actorKinds.get(a.actorKey) ?? 'OTHER'))
      .map((a) => actorIds.get(a.actorKey))
      .filter((x): x is number => x !== undefined);
    const date = parseDate(e.date.value, e.date.precision);
    let best: Candidate | null = null;
    let bestScore = 0;
    for (const c of candidates) {
      const s = matchScore(c, e.type, date, e.date.precision, e.place, ids, victims);
      if (s > bestScore) {
        best = c;
        bestScore = s;
      }
    }
    if (best) {
      counts.eventsMerged++;
      const update: { occurredAt?: Date; occurredPrecision?: DatePrecision; place?: string } = {};
      if (!best.occurredAt && date) {
        update.occurredAt = date;
        update.occurredPrecision = e.date.precision;
        best.occurredAt = date;
        best.precision = e.date.precision;
      }
      if (!best.place && e.place) {
        update.place = e.place;
        best.place = e.place;
      }
      if (Object.keys(update).length) {
        const pending = created.find((c) => c.id === best!.id);
        if (pending)
          Object.assign(pending, update); // created by this article, not inserted yet
        else {
          if (update.occurredAt && DAY_PRECISE.has(e.date.precision)) redated.push(best.id);
          await tx.query(sql`
            UPDATE "Event" SET "occurredAt" = coalesce(${update.occurredAt ?? null}::timestamptz, "occurredAt"),
                               "occurredPrecision" = coalesce(${update.occurredPrecision ?? null}::"DatePrecision", "occurredPrecision"),
                               place = coalesce(${update.place ?? null}::text, place)
             WHERE id = ${best.id}::int`);
        }
      }
    } else {
      const id = pool.shift()!;
      created.push({
        id,
        workspaceId,
        type: e.type,
        summary: e.summary,
        occurredAt: date,
        occurredPrecision: date ? e.date.precision : 'UNKNOWN',
        place: e.place,
      });
      counts.eventsCreated++;
      best = {
        id,
        type: e.type,
        occurredAt: date,
        precision: e.date.precision,
        place: e.place,
        actorIds: new Set(),
        victims: new Set(),
      };
      candidates.unshift(best);
    }
    for (const a of e.actors) {
      const actorId = actorIds.get(a.actorKey);
      if (actorId === undefined) continue;
      best.actorIds.add(actorId);
      if (isVictim(a.role, actorKinds.get(a.actorKey) ?? 'OTHER')) best.victims.add(actorId);
      eventActors.push({ eventId: best.id, actorId, role: a.role });
    }
    out.set(e.key, best.id);
    mentions.push({
      eventId: best.id,
      articleId,
      surface: e.surface.text.slice(0, 2000),
      dateText: e.date.text,
      start: e.surface.start,
      end: e.surface.end,
    });
  }
  // One statement for the new events, their actors, the article's mentions and its claims' events (foreign
  // keys are checked at the end of the statement, so these may point at events inserted beside them).
  const placed = claims.flatMap((c) => {
    const eventId = c.extracted.eventKey === null ? undefined : out.get(c.extracted.eventKey);
    return eventId === undefined ? [] : [{ id: c.id, eventId }];
  });
  const [written] = await tx.query<{ mentions: number }>(sql`
    WITH ev AS (
      INSERT INTO "Event" (id, "workspaceId", type, summary, "occurredAt", "occurredPrecision", place)
      SELECT u.id, ${workspaceId}::int, u.t::"EventType", u.s, u.at, u.p::"DatePrecision", u.pl
        FROM unnest(${created.map((c) => c.id)}::int[], ${created.map((c) => c.type)}::text[], ${created.map((c) => c.summary)}::text[],
                    ${created.map((c) => c.occurredAt?.toISOString() ?? null)}::timestamptz[], ${created.map((c) => c.occurredPrecision)}::text[],
                    ${created.map((c) => c.place)}::text[]) AS u(id, t, s, at, p, pl)
      RETURNING 1
    ), ea AS (
      INSERT INTO "EventActor" ("workspaceId", "eventId", "actorId", role)
      SELECT DISTINCT ${workspaceId}::int, u.e, u.a, u.r::"EventRole" FROM unnest(${eventActors.map((x) => x.eventId)}::int[], ${eventActors.map((x) => x.actorId)}::int[], ${eventActors.map((x) => x.role)}::text[]) AS u(e, a, r)
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), m AS (
      INSERT INTO "EventMention" ("workspaceId", "eventId", "articleId", surface, "dateText", start, "end")
      SELECT ${workspaceId}::int, u.e, ${articleId}::int, u.s, u.d, u.st, u.en
        FROM unnest(${mentions.map((x) => x.eventId)}::int[], ${mentions.map((x) => x.surface)}::text[], ${mentions.map((x) => x.dateText)}::text[],
                    ${mentions.map((x) => x.start)}::int[], ${mentions.map((x) => x.end)}::int[]) AS u(e, s, d, st, en)
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), cl AS (
      UPDATE "Claim" c SET "eventId" = u.e FROM unnest(${placed.map((x) => x.id)}::int[], ${placed.map((x) => x.eventId)}::int[]) AS u(id, e)
       WHERE c.id = u.id
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM ev)::int AS events, (SELECT count(*) FROM cl)::int AS claims, (SELECT count(*) FROM ea)::int AS actors, (SELECT count(*) FROM m)::int AS mentions`);
  counts.eventMentions += written?.mentions ?? 0;
  return out;
}

/** Extracted actor key → actor kind. */
export const kindsOf = (r: { actors: { key: string; kind: string }[] }) =>
  new Map(r.actors.map((a) => [a.key, a.kind]));
