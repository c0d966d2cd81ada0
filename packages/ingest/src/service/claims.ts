// Claims with their attribution chains and actors.
import type { AttributionKind, ClaimActorRole, Prisma } from '@claimgraph/db';
import type { ExtractedClaim } from '@claimgraph/shared';
import { knownSourcesByName, resolveSource } from '../sources/resolve.js';
import { sql } from './sql.js';
import type { IngestCounts, Tx } from './types.js';

export interface StoredClaim {
  id: number;
  extracted: ExtractedClaim;
  eventId: number | null;
}

/**
 * Inserts the article's claims (extractionKey = the extractor's stable claim key), their attribution
 * chains (position 0 = the article's outlet) and actor roles. Returns them with their new ids.
 */
export async function writeClaims(
  tx: Tx,
  ctx: { workspaceId: number; articleId: number; sourceId: number; outlet: string },
  claims: ExtractedClaim[],
  actorIds: Map<string, number>,
  eventIds: Map<string, number>,
  counts: IngestCounts,
  warnings: string[],
  /** Cited outlets already looked up (outside the transaction); the others are looked up here. */
  knownOutlets?: Map<string, number>,
): Promise<StoredClaim[]> {
  const seen = new Set<string>();
  const unique = claims.filter((c) => {
    if (seen.has(c.key)) {
      warnings.push(`Claim key ${c.key} occurs twice in the extraction; the second was skipped.`);
      return false;
    }
    seen.add(c.key);
    return true;
  });
  if (!unique.length) return [];

  // Cited outlets ("NBC News reported") link to their Source, created unlabelled when new.
  const outletIds = knownOutlets ?? (await knownSourcesByName(tx, ctx.workspaceId, citedOutlets(unique, ctx.outlet)));
  const outletId = async (name: string) => {
    let id = outletIds.get(name);
    if (id === undefined) {
      id = (await resolveSource(tx, ctx.workspaceId, { name })).id;
      outletIds.set(name, id);
    }
    return id;
  };
  // Column arrays for one multi-row INSERT per table (unnest), all in ONE statement: claims, then
  // their chains and actors joined back by extraction key.
  const at = {
    key: [] as string[],
    position: [] as number[],
    kind: [] as string[],
    label: [] as string[],
    actorId: [] as (number | null)[],
    sourceId: [] as (number | null)[],
  };
  const ca = { key: [] as string[], actorId: [] as number[], role: [] as string[] };
  for (const c of unique) {
    for (const [position, node] of c.attribution.entries()) {
      let sourceId: number | null = null;
      if (position === 0 && node.kind === 'OUTLET') sourceId = ctx.sourceId;
      else if (node.outlet) sourceId = node.outlet === ctx.outlet ? ctx.sourceId : await outletId(node.outlet);
      at.key.push(c.key);
      at.position.push(position);
      at.kind.push(node.kind);
      at.label.push(node.label.slice(0, 500));
      at.actorId.push(node.actorKey ? (actorIds.get(node.actorKey) ?? null) : null);
      at.sourceId.push(sourceId);
    }
    for (const a of c.actors) {
      const actorId = actorIds.get(a.actorKey);
      if (actorId === undefined) continue;
      ca.key.push(c.key);
      ca.actorId.push(actorId);
      ca.role.push(a.role);
    }
  }
  const eventOf = (c: ExtractedClaim) => (c.eventKey ? (eventIds.get(c.eventKey) ?? null) : null);
  const rows = await tx.query<{
    id: number;
    extractionKey: string;
    eventId: number | null;
    attributions: number;
    claimActors: number;
  }>(sql`
    WITH c AS (
      INSERT INTO "Claim" ("workspaceId", "articleId", "sourceId", "extractionKey", text, "evidenceStart", "evidenceEnd", modality, "eventId", slots)
      SELECT ${ctx.workspaceId}::int, ${ctx.articleId}::int, ${ctx.sourceId}::int, u.k, u.t, u.s, u.e, u.m::"Modality", u.ev, u.sl::jsonb
        FROM unnest(${unique.map((c) => c.key)}::text[], ${unique.map((c) => c.text)}::text[], ${unique.map((c) => c.evidence.start)}::int[],
                    ${unique.map((c) => c.evidence.end)}::int[], ${unique.map((c) => c.modality)}::text[], ${unique.map(eventOf)}::int[],
                    ${unique.map((c) => JSON.stringify(c.slots ?? []))}::text[]) WITH ORDINALITY AS u(k, t, s, e, m, ev, sl, n)
       ORDER BY u.n
      RETURNING id, "extractionKey", "eventId"
    ), a AS (
      INSERT INTO "ClaimAttribution" ("workspaceId", "claimId", position, kind, label, "actorId", "sourceId")
      SELECT ${ctx.workspaceId}::int, c.id, u.p, u.kd::"AttributionKind", u.l, u.ac, u.src
        FROM unnest(${at.key}::text[], ${at.position}::int[], ${at.kind}::text[], ${at.label}::text[], ${at.actorId}::int[], ${at.sourceId}::int[])
             WITH ORDINALITY AS u(k, p, kd, l, ac, src, n)
        JOIN c ON c."extractionKey" = u.k
       ORDER BY u.n -- ids in chain order, whatever join the plan picks
      RETURNING 1
    ), ca AS (
      INSERT INTO "ClaimActor" ("workspaceId", "claimId", "actorId", role)
      SELECT DISTINCT ${ctx.workspaceId}::int, c.id, u.ac, u.r::"ClaimActorRole"
        FROM unnest(${ca.key}::text[], ${ca.actorId}::int[], ${ca.role}::text[]) AS u(k, ac, r)
        JOIN c ON c."extractionKey" = u.k
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT c.id, c."extractionKey", c."eventId", (SELECT count(*) FROM a)::int AS attributions, (SELECT count(*) FROM ca)::int AS "claimActors" FROM c ORDER BY c.id`);
  const byKey = new Map(rows.map((r) => [r.extractionKey, r]));
  counts.claims += rows.length;
  counts.attributions += rows[0]?.attributions ?? 0;
  counts.claimActors += rows[0]?.claimActors ?? 0;
  return unique.map((c) => {
    const row = byKey.get(c.key)!;
    return { id: row.id, extracted: c, eventId: row.eventId };
  });
}

/** Names of the outlets the claims' chains cite, other than the article's own. */
export const citedOutlets = (claims: ExtractedClaim[], outlet: string) =>
  claims.flatMap((c) => c.attribution.slice(1).flatMap((n) => (n.outlet && n.outlet !== outlet ? [n.outlet] : [])));

/** Corrections a human made to claims of this article, re-applied after (re-)extraction. Returns how many applied. */
export async function applyCorrections(
  tx: Prisma.TransactionClient,
  workspaceId: number,
  articleId: number,
): Promise<number> {
  const corrections = await tx.correction.findMany({
    where: { workspaceId, entityType: 'claim', entityKey: { startsWith: `${articleId}:` } },
    orderBy: { id: 'asc' },
  });
  let applied = 0;
  for (const c of corrections) {
    const extractionKey = c.entityKey.slice(String(articleId).length + 1);
    if (c.field === 'attribution' || c.field === 'actors') {
      const claims = await tx.claim.findMany({ where: { articleId, extractionKey }, select: { id: true } });
      for (const { id } of claims) applied += await replaceLinks(tx, workspaceId, id, c.field, c.value);
      continue;
    }
    const data = correctionData(c.field, c.value);
    if (!data) continue;
    const r = await tx.claim.updateMany({ where: { articleId, extractionKey }, data });
    applied += r.count;
  }
  return applied;
}

/**
 * A corrected attribution chain ([{ kind, label, actorId, sourceId }], outermost first) or actor list
 * ([{ actorId, role }]) replaces the extracted one. Actors deleted since (merged away) drop out of the links.
 */
async function replaceLinks(
  tx: Prisma.TransactionClient,
  workspaceId: number,
  claimId: number,
  field: 'attribution' | 'actors',
  value: unknown,
): Promise<number> {
  if (!Array.isArray(value)) return 0;
  const rows = value as Record<string, unknown>[];
  const wanted = rows.map((r) => r.actorId).filter((x): x is number => typeof x === 'number');
  const live = new Set(
    (await tx.actor.findMany({ where: { id: { in: wanted }, workspaceId }, select: { id: true } })).map((a) => a.id),
  );
  const actorOf = (r: Record<string, unknown>) =>
    typeof r.actorId === 'number' && live.has(r.actorId) ? r.actorId : null;
  if (field === 'attribution') {
    await tx.claimAttribution.deleteMany({ where: { claimId } });
    await tx.claimAttribution.createMany({
      data: rows.map((r, position) => ({
        workspaceId,
        claimId,
        position,
        kind: r.kind as AttributionKind,
        label: String(r.label ?? ''),
        actorId: actorOf(r),
        sourceId: typeof r.sourceId === 'number' ? r.sourceId : null,
      })),
    });
  } else {
    await tx.claimActor.deleteMany({ where: { claimId } });
    await tx.claimActor.createMany({
      data: rows.flatMap((r) => {
        const actorId = actorOf(r);
        return actorId === null ? [] : [{ workspaceId, claimId, actorId, role: r.role as ClaimActorRole }];
      }),
      skipDuplicates: true,
    });
  }
  return 1;
}

const CORRECTABLE = new Set(['text', 'modality', 'reviewStatus', 'reviewNote', 'eventId', 'clusterId']);

function correctionData(field: string, value: unknown): Record<string, unknown> | null {
  if (!CORRECTABLE.has(field)) return null;
  // Corrections store either the bare value or { value }.
  const v =
    value !== null && typeof value === 'object' && 'value' in (value as object)
      ? (value as { value: unknown }).value
      : value;
  return { [field]: v };
}
