// Actor resolution: each extracted actor maps to one actor of the workspace, matched by normalised alias.
import type { AliasKind, ExtractedActor } from '@claimgraph/shared';
import { normalizeName } from '../normalize.js';
import { actorKeys, lockKeys } from './locks.js';
import { sql } from './sql.js';
import type { IngestCounts, Tx } from './types.js';

/** Alias kinds that name an actor unambiguously on their own; the others ("Soleimani", "IRGC", "Iranian") must also agree on kind. */
const WEAK: ReadonlySet<AliasKind> = new Set(['SURNAME', 'ACRONYM', 'DEMONYM', 'CAPITAL', 'TITLE']);

interface Known {
  actorId: number;
  kind: string;
  canonicalName: string;
}

export interface ResolvedActors {
  /** Extracted actor key → actor id. */
  ids: Map<string, number>;
  /** Actor id → canonical name (for comparison across articles). */
  names: Map<number, string>;
}

/** Normalised alias → the known actors carrying it, with the alias kind stored; and the (actor, alias) pairs stored. */
interface AliasIndex {
  index: Map<string, (Known & { aliasKind: string })[]>;
  existingPairs: Set<string>;
}

async function readAliases(tx: Tx, workspaceId: number, all: string[]): Promise<AliasIndex> {
  const index = new Map<string, (Known & { aliasKind: string })[]>();
  const existingPairs = new Set<string>();
  if (all.length) {
    // Raw SQL: this runs for every article, and the ORM's nested select costs more than the query.
    const rows = await tx.query<{
      normalized: string;
      aliasKind: string;
      actorId: number;
      kind: string;
      canonicalName: string;
    }>(sql`
      SELECT aa.normalized, aa.kind::text AS "aliasKind", aa."actorId", a.kind::text AS kind, a."canonicalName"
        FROM "ActorAlias" aa JOIN "Actor" a ON a.id = aa."actorId"
       WHERE aa."workspaceId" = ${workspaceId}::int AND aa.normalized = ANY(${all}::text[])`);
    for (const r of rows) {
      const list = index.get(r.normalized) ?? [];
      list.push({ actorId: r.actorId, kind: r.kind, canonicalName: r.canonicalName, aliasKind: r.aliasKind });
      index.set(r.normalized, list);
      existingPairs.add(`${r.actorId}:${r.normalized}`);
    }
  }
  return { index, existingPairs };
}

const formsOf = (a: ExtractedActor) =>
  [
    { alias: a.canonicalName, kind: 'CANONICAL' as AliasKind, normalized: normalizeName(a.canonicalName) },
    ...a.aliases.map((x) => ({ alias: x.alias, kind: x.kind, normalized: normalizeName(x.alias) })),
  ].filter((f) => f.normalized.length > 0);

/**
 * Resolves extracted actors against the workspace's actors by normalised alias ("Qassem Soleimani",
 * "Qasem Soleimani" and "General Soleimani" agree), creates the missing ones and adds new spellings
 * as aliases of the actor they matched.
 *
 * Without a workspace lock: the aliases are read first without any lock. When every actor matches and
 * every spelling is already stored, nothing is written and no lock is taken (the common case once a
 * workspace knows its actors; such a writer reads a committed state and changes nothing a concurrent
 * writer reads). Otherwise the article's normalised spellings are locked (locks.ts), read again and
 * resolved again: a writer creating "Qassem Soleimani" waits for another creating it, then matches it.
 */
export async function resolveActors(
  tx: Tx,
  workspaceId: number,
  actors: ExtractedActor[],
  counts: IngestCounts,
): Promise<ResolvedActors> {
  const all = [...new Set(actors.flatMap((a) => formsOf(a).map((f) => f.normalized)))];
  const unlocked = await resolveWith(await readAliases(tx, workspaceId, all), actors, null);
  if (unlocked) {
    counts.actorsMatched += actors.length;
    return unlocked;
  }
  await lockKeys(tx, actorKeys(workspaceId, all));
  const create = async (a: ExtractedActor) => {
    const [created] = await tx.query<{ id: number }>(sql`
      INSERT INTO "Actor" ("workspaceId", "canonicalName", kind) VALUES (${workspaceId}::int, ${a.canonicalName}, ${a.kind}::"ActorKind") RETURNING id`);
    return created!.id;
  };
  const resolved = (await resolveWith(await readAliases(tx, workspaceId, all), actors, { create, counts }))!;
  if (resolved.newAliases.length) {
    const { newAliases } = resolved;
    const added = await tx.query<unknown>(sql`
      INSERT INTO "ActorAlias" ("actorId", "workspaceId", alias, normalized, kind)
      SELECT u.a, ${workspaceId}::int, u.al, u.n, u.k::"AliasKind"
        FROM unnest(${newAliases.map((x) => x.actorId)}::int[], ${newAliases.map((x) => x.alias)}::text[], ${newAliases.map((x) => x.normalized)}::text[],
                    ${newAliases.map((x) => x.kind)}::text[]) AS u(a, al, n, k)
      ON CONFLICT DO NOTHING RETURNING 1`);
    counts.aliasesAdded += added.length;
  }
  return { ids: resolved.ids, names: resolved.names };
}

/**
 * The resolution itself, over the aliases read. Without `write` (the unlocked pass) it returns null as
 * soon as it would create an actor or store an alias.
 */
async function resolveWith(
  { index, existingPairs }: AliasIndex,
  actors: ExtractedActor[],
  write: { create: (a: ExtractedActor) => Promise<number>; counts: IngestCounts } | null,
): Promise<
  (ResolvedActors & { newAliases: { actorId: number; alias: string; normalized: string; kind: AliasKind }[] }) | null
> {
  const ids = new Map<string, number>();
  const names = new Map<number, string>();
  const newAliases: { actorId: number; alias: string; normalized: string; kind: AliasKind }[] = [];
  for (const a of actors) {
    const fs = formsOf(a);
    const votes = new Map<number, number>();
    const vote = (strong: boolean) => {
      for (const f of fs) {
        if (strong === WEAK.has(f.kind)) continue;
        for (const k of index.get(f.normalized) ?? []) {
          const weakMatch = WEAK.has(f.kind) || WEAK.has(k.aliasKind as AliasKind);
          if (weakMatch && k.kind !== a.kind) continue;
          votes.set(k.actorId, (votes.get(k.actorId) ?? 0) + (f.kind === 'CANONICAL' ? 2 : 1));
          names.set(k.actorId, k.canonicalName);
        }
      }
    };
    vote(true);
    if (!votes.size) vote(false);
    let actorId: number;
    if (votes.size) {
      actorId = [...votes.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0])[0]![0];
      if (write) write.counts.actorsMatched++;
    } else {
      if (!write) return null;
      actorId = await write.create(a);
      names.set(actorId, a.canonicalName);
      write.counts.actorsCreated++;
    }
    ids.set(a.key, actorId);
    for (const f of fs) {
      const pair = `${actorId}:${f.normalized}`;
      if (existingPairs.has(pair)) continue;
      if (!write) return null;
      existingPairs.add(pair);
      const kind: AliasKind = f.kind === 'CANONICAL' && votes.size ? 'VARIANT' : f.kind;
      newAliases.push({ actorId, alias: f.alias, normalized: f.normalized, kind });
      // Later actors of the same article match what this one just taught us.
      const list = index.get(f.normalized) ?? [];
      list.push({ actorId, kind: a.kind, canonicalName: names.get(actorId)!, aliasKind: kind });
      index.set(f.normalized, list);
    }
  }
  return { ids, names, newAliases };
}
