// Cross-article linking: the same claim in other outlets, corroboration and contradiction.
import { compare } from '@claimgraph/extract';
import type { ComparableClaim, EventType, ExtractedClaim } from '@claimgraph/shared';
import type { StoredClaim } from './claims.js';
import type { IngestCounts, Tx } from './types.js';

/** Most claims of other articles compared with a new article (by shared event first, then shared actors). */
export const RELATED_LIMIT = 120;

/**
 * Compares the article's new claims with claims of other articles about the same events or actors,
 * stores SAME_AS / CORROBORATES / CONTRADICTS relations (with reason, slot and values) and assigns
 * claim clusters. Only relations that involve a new claim and two different articles are stored.
 */
export async function linkClaims(
  tx: Tx,
  ctx: { workspaceId: number; articleId: number; outlet: string },
  stored: StoredClaim[],
  actorIds: Map<string, number>,
  actorNames: Map<number, string>,
  counts: IngestCounts,
): Promise<void> {
  if (!stored.length) return;
  const eventIds = [...new Set(stored.map((s) => s.eventId).filter((x): x is number => x !== null))];
  const ids = [...new Set(stored.flatMap((s) => s.extracted.actors.map((a) => actorIds.get(a.actorKey)).filter((x): x is number => x !== undefined)))];
  // Candidates: claims of the same events first, then claims sharing two or more actors (one shared
  // state such as "Iran" relates half the corpus), newest first.
  const ranked = await tx.$queryRaw<{ id: number }[]>`
    SELECT id FROM (
      SELECT c.id, 2 AS rank FROM "Claim" c
       WHERE c."workspaceId" = ${ctx.workspaceId} AND c."articleId" <> ${ctx.articleId} AND c."eventId" = ANY(${eventIds}::int[])
      UNION ALL
      SELECT ca."claimId", 1 FROM "ClaimActor" ca JOIN "Claim" c ON c.id = ca."claimId"
       WHERE c."workspaceId" = ${ctx.workspaceId} AND c."articleId" <> ${ctx.articleId} AND ca."actorId" = ANY(${ids}::int[])
       GROUP BY ca."claimId" HAVING count(DISTINCT ca."actorId") >= ${Math.min(2, ids.length)}
    ) r GROUP BY id ORDER BY max(rank) DESC, id DESC LIMIT ${RELATED_LIMIT}`;
  if (!ranked.length) return;
  const related = await tx.claim.findMany({
    where: { id: { in: ranked.map((r) => r.id) } },
    select: {
      id: true,
      articleId: true,
      extractionKey: true,
      text: true,
      evidenceStart: true,
      evidenceEnd: true,
      modality: true,
      eventId: true,
      clusterId: true,
      slots: true,
      source: { select: { name: true } },
      event: { select: { type: true, occurredAt: true } },
      attribution: { orderBy: { position: 'asc' }, select: { kind: true, label: true, actorId: true, source: { select: { name: true } } } },
      actors: { select: { actorId: true, role: true, actor: { select: { canonicalName: true } } } },
    },
  });
  if (!related.length) return;

  const events = new Map<number, { type: EventType; date: string | null }>();
  const needEvents = eventIds.filter((id) => !related.some((r) => r.eventId === id));
  if (needEvents.length) {
    for (const e of await tx.event.findMany({ where: { id: { in: needEvents } }, select: { id: true, type: true, occurredAt: true } })) {
      events.set(e.id, { type: e.type, date: e.occurredAt ? e.occurredAt.toISOString().slice(0, 10) : null });
    }
  }
  for (const r of related) if (r.event && r.eventId) events.set(r.eventId, { type: r.event.type, date: r.event.occurredAt ? r.event.occurredAt.toISOString().slice(0, 10) : null });

  // Both sides in one vocabulary: actor keys are database actor ids, event keys database event ids.
  const fresh: ComparableClaim[] = stored.map((s) => {
    const c = s.extracted;
    const actors = c.actors.flatMap((a) => {
      const id = actorIds.get(a.actorKey);
      return id === undefined ? [] : [{ actorKey: String(id), role: a.role }];
    });
    const claim: ExtractedClaim = {
      ...c,
      attribution: c.attribution.map((n) => {
        const id = n.actorKey ? actorIds.get(n.actorKey) : undefined;
        const { actorKey: _drop, ...rest } = n;
        return id === undefined ? rest : { ...rest, actorKey: String(id) };
      }),
      actors,
      eventKey: s.eventId === null ? null : String(s.eventId),
    };
    return {
      id: String(s.id),
      articleId: String(ctx.articleId),
      outlet: ctx.outlet,
      claim,
      actorNames: [...new Set(actors.map((a) => actorNames.get(Number(a.actorKey))).filter((n): n is string => !!n))],
      event: s.eventId === null ? null : (events.get(s.eventId) ?? null),
    };
  });
  const old: ComparableClaim[] = related.map((r) => ({
    id: String(r.id),
    articleId: String(r.articleId),
    outlet: r.source.name,
    claim: {
      key: r.extractionKey,
      text: r.text,
      evidence: { start: r.evidenceStart, end: r.evidenceEnd },
      attribution: r.attribution.map((a) => ({
        kind: a.kind,
        label: a.label,
        ...(a.actorId !== null ? { actorKey: String(a.actorId) } : {}),
        ...(a.source ? { outlet: a.source.name } : {}),
      })),
      modality: r.modality,
      actors: r.actors.map((a) => ({ actorKey: String(a.actorId), role: a.role })),
      eventKey: r.eventId === null ? null : String(r.eventId),
      slots: Array.isArray(r.slots) ? (r.slots as unknown as ExtractedClaim['slots']) : [],
    },
    actorNames: [...new Set(r.actors.map((a) => a.actor.canonicalName))],
    event: r.eventId === null ? null : (events.get(r.eventId) ?? null),
  }));

  const result = compare([...old, ...fresh]);
  const isNew = new Set(fresh.map((f) => f.id));
  const articleOf = new Map([...old, ...fresh].map((c) => [c.id, c.articleId]));
  const relations = result.relations
    .filter((r) => (isNew.has(r.fromId) || isNew.has(r.toId)) && articleOf.get(r.fromId) !== articleOf.get(r.toId))
    .map((r) => ({
      workspaceId: ctx.workspaceId,
      fromClaimId: Number(r.fromId),
      toClaimId: Number(r.toId),
      kind: r.kind,
      reason: r.reason.slice(0, 1000),
      slot: r.kind === 'CONTRADICTS' ? r.slot : '',
      fromValue: r.fromValue,
      toValue: r.toValue,
    }));
  if (relations.length) counts.relations += (await tx.claimRelation.createMany({ data: relations, skipDuplicates: true })).count;

  // Clusters: join the cluster an older member already has (the lowest id when several), or start one.
  const clusterOf = new Map(related.map((r) => [String(r.id), r.clusterId]));
  const textOf = new Map([...old, ...fresh].map((c) => [c.id, c.claim.text]));
  for (const group of result.clusters) {
    if (group.length < 2 || !group.some((id) => isNew.has(id))) continue;
    if (new Set(group.map((id) => articleOf.get(id))).size < 2) continue;
    const existing = group.map((id) => clusterOf.get(id)).filter((x): x is number => typeof x === 'number');
    let clusterId = existing.length ? Math.min(...existing) : null;
    if (clusterId === null) {
      const summary = (textOf.get(group.find((id) => !isNew.has(id)) ?? group[0]!) ?? '').slice(0, 500);
      clusterId = (await tx.claimCluster.create({ data: { workspaceId: ctx.workspaceId, summary }, select: { id: true } })).id;
      counts.clustersCreated++;
    }
    const members = group.filter((id) => clusterOf.get(id) !== clusterId).map(Number);
    if (members.length) counts.clusteredClaims += (await tx.claim.updateMany({ where: { id: { in: members } }, data: { clusterId } })).count;
  }
}
