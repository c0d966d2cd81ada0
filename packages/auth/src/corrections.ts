// Human corrections of extracted data, stored as such so re-extraction re-applies them instead of overwriting them.
import { Prisma } from '@claimgraph/db';
import { audit, type AuditActor } from './audit.js';
import type { Db } from './db-types.js';

export type CorrectionEntity = 'claim' | 'actor' | 'event';

/** Stable key of a claim across re-extraction: its article and the extractor's per-article claim key. */
export function claimCorrectionKey(articleId: number, extractionKey: string): string {
  return `${articleId}:${extractionKey}`;
}

export interface CorrectionInput {
  entityType: CorrectionEntity;
  /** For claims: `claimCorrectionKey(articleId, key)`; for actors/events: their id. */
  entityKey: string;
  /** e.g. text, modality, attributionChain, actors, reviewStatus */
  field: string;
  value: unknown;
  /** What the field held before, for the audit entry. */
  before?: unknown;
}

/**
 * Records a correction and its audit entry (`<entity>.correct`). Run it inside the same transaction that
 * changes the row. The latest correction of (entity, field) wins when re-applied.
 */
export async function recordCorrection(tx: Db, viewer: AuditActor, input: CorrectionInput) {
  const value = input.value === undefined ? null : input.value;
  const row = await tx.correction.create({
    data: {
      workspaceId: viewer.workspaceId,
      userId: viewer.userId,
      entityType: input.entityType,
      entityKey: input.entityKey,
      field: input.field,
      value: value === null ? Prisma.JsonNull : (JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue),
    },
  });
  await audit(
    tx,
    viewer,
    `${input.entityType}.correct`,
    input.entityType,
    input.entityKey,
    { [input.field]: input.before ?? null },
    {
      [input.field]: value,
      correctionId: row.id,
    },
  );
  return row;
}

/**
 * The corrections to re-apply after (re-)extraction: for each entity key, field → latest value.
 * One query for any number of keys.
 */
export async function latestCorrections(
  db: Db,
  workspaceId: number,
  entityType: CorrectionEntity,
  entityKeys: string[],
): Promise<Map<string, Map<string, unknown>>> {
  const out = new Map<string, Map<string, unknown>>();
  if (!entityKeys.length) return out;
  const rows = await db.correction.findMany({
    where: { workspaceId, entityType, entityKey: { in: entityKeys } },
    orderBy: { id: 'asc' },
  });
  for (const r of rows) {
    let fields = out.get(r.entityKey);
    if (!fields) out.set(r.entityKey, (fields = new Map()));
    fields.set(r.field, r.value); // ascending order: later rows overwrite earlier ones
  }
  return out;
}
