import type { Actor, Article, Claim, Event } from '@claimgraph/db';
import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { assertCan } from '../../auth.js';
import type { Context } from '../../context.js';
import { normalizeName } from '@claimgraph/shared';
import { selectedFieldsByType } from '../../selection.js';
import { ARTICLE_COLUMNS } from '../articles/service.js';
import { CLAIM_COLUMNS } from '../claims/filter-sql.js';
import { parseOrThrow } from '../validation-utils.js';

export const SearchArgsModel = z.object({
  text: z.string().trim().min(1, 'text must not be empty').max(500, 'text must be at most 500 characters'),
  first: z.number().int().min(1, 'first must be at least 1').max(50, 'first must be at most 50'),
});

/**
 * One statement per kind the operation asks for, run concurrently. A kind not selected is not searched: matching a
 * common word in every article body costs seconds at 1M claims, for a list nobody reads.
 */
export async function search(ctx: Context, rawText: string, rawFirst: number, info?: GraphQLResolveInfo) {
  assertCan(ctx.viewer, 'workspace:read');
  const { text, first } = parseOrThrow(SearchArgsModel, { text: rawText, first: rawFirst }, 'search');
  const ws = ctx.viewer.workspaceId;
  const escaped = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
  const nameLike = `%${escaped(normalizeName(text))}%`;
  const like = `%${escaped(text)}%`;
  const selected = info ? selectedFieldsByType(info).get('SearchResults') : undefined;
  const wanted = <T>(kind: string, rows: () => Promise<T[]>): Promise<T[]> =>
    !selected || selected.has(kind) ? rows() : Promise.resolve([]);
  const [claims, actors, events, articles] = await Promise.all([
    wanted(
      'claims',
      () => ctx.db.$queryRaw<Claim[]>`
      SELECT ${CLAIM_COLUMNS} FROM "Claim" c WHERE c."workspaceId" = ${ws} AND c."searchVector" @@ websearch_to_tsquery('english', ${text})
      ORDER BY ts_rank(c."searchVector", websearch_to_tsquery('english', ${text})) DESC, c.id DESC LIMIT ${first}`,
    ),
    wanted(
      'actors',
      () => ctx.db.$queryRaw<Actor[]>`
      SELECT a.* FROM "Actor" a WHERE a."workspaceId" = ${ws} AND (lower(a."canonicalName") LIKE ${nameLike}
        OR EXISTS (SELECT 1 FROM "ActorAlias" al WHERE al."actorId" = a.id AND al.normalized LIKE ${nameLike}))
      ORDER BY (SELECT count(*) FROM "ClaimActor" ca WHERE ca."actorId" = a.id) DESC, a.id LIMIT ${first}`,
    ),
    wanted(
      'events',
      () => ctx.db.$queryRaw<Event[]>`
      SELECT e.* FROM "Event" e WHERE e."workspaceId" = ${ws}
        AND (to_tsvector('english', e.summary) @@ websearch_to_tsquery('english', ${text}) OR e.summary ILIKE ${like} OR coalesce(e.place, '') ILIKE ${like})
      ORDER BY e."occurredAt" DESC NULLS LAST, e.id DESC LIMIT ${first}`,
    ),
    wanted(
      'articles',
      () => ctx.db.$queryRaw<Article[]>`
      SELECT ${ARTICLE_COLUMNS}
      FROM "Article" a WHERE a."workspaceId" = ${ws} AND a."searchVector" @@ websearch_to_tsquery('english', ${text})
      ORDER BY ts_rank(a."searchVector", websearch_to_tsquery('english', ${text})) DESC, a.id DESC LIMIT ${first}`,
    ),
  ]);
  for (const c of claims) ctx.loaders.claim.prime(c.id, c);
  for (const a of actors) ctx.loaders.actor.prime(a.id, a);
  for (const e of events) ctx.loaders.event.prime(e.id, e);
  for (const a of articles) ctx.loaders.article.prime(a.id, a);
  return { claims, actors, events, articles };
}
