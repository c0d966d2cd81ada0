// Counts from the database after seeding the sample corpus (for the ingestion note): npx tsx bench/ingest/seed-counts.ts
import { mkdtemp, rm, chmod } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPrisma, ensureLocalWorkspace, migrate } from '@claimgraph/db';
import { startEmbeddedPostgres } from '@claimgraph/db/embedded';
import { seedSampleCorpus } from '@claimgraph/ingest';

const base = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-seedcount-'));
await chmod(base, 0o777);
const server = await startEmbeddedPostgres({ dataDir: path.join(base, 'data'), ephemeral: true });
await migrate(server.url);
const db = createPrisma(server.url);
const { workspaceId } = await ensureLocalWorkspace(db);
const r = await seedSampleCorpus(db, { workspaceId });
for (const x of r.results)
  console.log(
    x.file,
    x.status,
    JSON.stringify({ articleId: x.articleId, claims: x.claims, relations: x.relations, error: x.error }),
  );
const q = async (sql: string) => db.$queryRawUnsafe<Record<string, unknown>[]>(sql);
for (const t of [
  'Article',
  'Source',
  'BiasLabel',
  'Actor',
  'ActorAlias',
  'Event',
  'EventMention',
  'Claim',
  'ClaimAttribution',
  'ClaimRelation',
  'ClaimCluster',
])
  console.log(t, Number((await q(`SELECT count(*) AS n FROM "${t}"`))[0]!['n']));
console.log(await q(`SELECT kind::text, count(*)::int AS n FROM "ClaimRelation" GROUP BY 1 ORDER BY 1`));
console.log(
  await q(
    `SELECT a."canonicalName", count(*)::int AS aliases, string_agg(al.alias, ' | ') AS spellings FROM "Actor" a JOIN "ActorAlias" al ON al."actorId" = a.id WHERE a."canonicalName" IN ('Qasem Soleimani', 'Benjamin Netanyahu', 'Israel') GROUP BY 1`,
  ),
);
console.log(
  await q(
    `SELECT e.id, e.type::text, e."occurredAt"::date::text AS date, e.place, array_agg(DISTINCT m."articleId") AS articles FROM "Event" e JOIN "EventMention" m ON m."eventId" = e.id WHERE e.type = 'STRIKE' AND e.place LIKE '%Baghdad%' GROUP BY e.id`,
  ),
);
console.log(
  await q(
    `SELECT r.slot, r."fromValue", r."toValue", r.reason, f."articleId" AS from_article, t."articleId" AS to_article FROM "ClaimRelation" r JOIN "Claim" f ON f.id = r."fromClaimId" JOIN "Claim" t ON t.id = r."toClaimId" WHERE r.kind = 'CONTRADICTS'`,
  ),
);
// Corroboration is cluster membership: each cluster with its claims (outlet, reason it joined), and the pairs of
// claims of two articles it makes corroborate each other.
console.dir(
  await q(`SELECT c."clusterId", json_agg(json_build_object('outlet', s.name, 'claim', left(c.text, 70), 'reason', c."clusterReason") ORDER BY c.id) AS members
                       FROM "Claim" c JOIN "Source" s ON s.id = c."sourceId" WHERE c."clusterId" IS NOT NULL GROUP BY 1 ORDER BY 1`),
  { depth: null },
);
console.log(
  await q(`SELECT a."clusterId", sa.name AS outlet, left(a.text, 60) AS claim, sb.name AS other_outlet, left(b.text, 60) AS other_claim
                       FROM "Claim" a JOIN "Claim" b ON b."clusterId" = a."clusterId" AND b.id > a.id AND b."articleId" <> a."articleId"
                       JOIN "Source" sa ON sa.id = a."sourceId" JOIN "Source" sb ON sb.id = b."sourceId" ORDER BY a."clusterId", a.id, b.id`),
);
await db.$disconnect();
await server.stop();
await rm(base, { recursive: true, force: true });
