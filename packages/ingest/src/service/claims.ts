// Claims with their attribution chains and actors.
import type { AttributionKind, ClaimActorRole } from '@claimgraph/db';
import type { ExtractedClaim } from '@claimgraph/shared';
import { knownSourcesByName, resolveSource } from '../sources/resolve.js';
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
  const rows = await tx.claim.createManyAndReturn({
    data: unique.map((c) => ({
      workspaceId: ctx.workspaceId,
      articleId: ctx.articleId,
      sourceId: ctx.sourceId,
      extractionKey: c.key,
      text: c.text,
      evidenceStart: c.evidence.start,
      evidenceEnd: c.evidence.end,
      modality: c.modality,
      eventId: c.eventKey ? (eventIds.get(c.eventKey) ?? null) : null,
      slots: c.slots as unknown as object[],
    })),
    select: { id: true, extractionKey: true, eventId: true },
  });
  const byKey = new Map(rows.map((r) => [r.extractionKey, r]));
  counts.claims += rows.length;

  // Cited outlets ("NBC News reported") link to their Source, created unlabelled when new.
  const outletIds = await knownSourcesByName(
    tx,
    unique.flatMap((c) => c.attribution.slice(1).flatMap((n) => (n.outlet && n.outlet !== ctx.outlet ? [n.outlet] : []))),
  );
  const outletId = async (name: string) => {
    let id = outletIds.get(name);
    if (id === undefined) {
      id = (await resolveSource(tx, { name })).id;
      outletIds.set(name, id);
    }
    return id;
  };
  const attributions: { claimId: number; position: number; kind: ExtractedClaim['attribution'][number]['kind']; label: string; actorId: number | null; sourceId: number | null }[] = [];
  const claimActors: { claimId: number; actorId: number; role: ExtractedClaim['actors'][number]['role'] }[] = [];
  const stored: StoredClaim[] = [];
  for (const c of unique) {
    const row = byKey.get(c.key)!;
    stored.push({ id: row.id, extracted: c, eventId: row.eventId });
    for (const [position, node] of c.attribution.entries()) {
      let sourceId: number | null = null;
      if (position === 0 && node.kind === 'OUTLET') sourceId = ctx.sourceId;
      else if (node.outlet) sourceId = node.outlet === ctx.outlet ? ctx.sourceId : await outletId(node.outlet);
      attributions.push({
        claimId: row.id,
        position,
        kind: node.kind,
        label: node.label.slice(0, 500),
        actorId: node.actorKey ? (actorIds.get(node.actorKey) ?? null) : null,
        sourceId,
      });
    }
    for (const a of c.actors) {
      const actorId = actorIds.get(a.actorKey);
      if (actorId !== undefined) claimActors.push({ claimId: row.id, actorId, role: a.role });
    }
  }
  if (attributions.length) counts.attributions += (await tx.claimAttribution.createMany({ data: attributions })).count;
  if (claimActors.length) counts.claimActors += (await tx.claimActor.createMany({ data: claimActors, skipDuplicates: true })).count;
  return stored;
}

/** Corrections a human made to claims of this article, re-applied after (re-)extraction. Returns how many applied. */
export async function applyCorrections(tx: Tx, workspaceId: number, articleId: number): Promise<number> {
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
async function replaceLinks(tx: Tx, workspaceId: number, claimId: number, field: 'attribution' | 'actors', value: unknown): Promise<number> {
  if (!Array.isArray(value)) return 0;
  const rows = value as Record<string, unknown>[];
  const wanted = rows.map((r) => r.actorId).filter((x): x is number => typeof x === 'number');
  const live = new Set((await tx.actor.findMany({ where: { id: { in: wanted }, workspaceId }, select: { id: true } })).map((a) => a.id));
  const actorOf = (r: Record<string, unknown>) => (typeof r.actorId === 'number' && live.has(r.actorId) ? r.actorId : null);
  if (field === 'attribution') {
    await tx.claimAttribution.deleteMany({ where: { claimId } });
    await tx.claimAttribution.createMany({
      data: rows.map((r, position) => ({
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
        return actorId === null ? [] : [{ claimId, actorId, role: r.role as ClaimActorRole }];
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
  const v = value !== null && typeof value === 'object' && 'value' in (value as object) ? (value as { value: unknown }).value : value;
  return { [field]: v };
}
