// Synthetic research data at scale, generated inside PostgreSQL with generate_series (no row-by-row inserts):
// 1,000 outlets with labels, 10,000 actors (+ aliases), 5,000 events, 100,000 articles, 1,000,000 claims with
// 2 actors and a 2-link attribution chain each, and 20,000 contradictions. Secondary indexes are dropped during
// the load and rebuilt after it (PostgreSQL's "Populating a Database" advice); triggers are skipped and the
// search vectors computed in the same INSERT.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import type { PrismaClient } from '@claimgraph/db';

export interface Scale {
  sources: number;
  actors: number;
  events: number;
  articles: number;
  claims: number;
}

export const DEFAULT_SCALE: Scale = {
  sources: 1000,
  actors: 10_000,
  events: 5000,
  articles: 100_000,
  claims: 1_000_000,
};

const VOCAB = (
  'missile strike drone airport convoy commander general official minister embassy sanctions report sources intelligence ' +
  'military army navy border ceasefire talks agreement statement denial attack killed wounded civilians hospital city ' +
  'capital province region election parliament president government protest police court trial investigation evidence ' +
  'document leak video satellite image rocket launcher base troops deployment withdrawal negotiation mediator envoy ' +
  'spokesman agency ministry defence foreign security council resolution vote veto aid shipment oil gas pipeline tanker ' +
  'port strait sea island coast desert mountain village camp refugee border crossing checkpoint raid arrest detention'
).split(' ');

/**
 * Every 5th claim is in a cluster (claims stating the same thing), 20 claims per cluster on average, sizes skewed
 * (cluster 1 is the largest) and members from many outlets: what the coverage matrix ranks.
 */
export const clusterCount = (claims: number) => Math.max(1, Math.floor(claims / 100));
export const clusterOf = (id: string, clusters: number) =>
  `CASE WHEN ${id} % 5 = 1 THEN 1 + floor(${clusters} * power(((${id} * 2654435761::bigint) % 1000003) / 1000003.0, 2))::int END`;

const TABLES = [
  'Source',
  'BiasLabel',
  'Actor',
  'ActorAlias',
  'Event',
  'EventActor',
  'Article',
  'ClaimCluster',
  'Claim',
  'ClaimActor',
  'ClaimAttribution',
  'ClaimRelation',
];

async function timed<T>(label: string, fn: () => Promise<T>, log: (s: string) => void): Promise<T> {
  const t = performance.now();
  const r = await fn();
  log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return r;
}

/** Fills an empty, migrated database; `workspaceId` is the local workspace. Returns seconds taken. */
export async function generate(
  db: PrismaClient,
  workspaceId: number,
  scale: Scale = DEFAULT_SCALE,
  log: (s: string) => void = console.log,
): Promise<number> {
  const t0 = performance.now();
  const s = scale;
  const clusters = clusterCount(s.claims);
  const vocab = `ARRAY[${VOCAB.map((w) => `'${w}'`).join(',')}]::text[]`;
  const V = VOCAB.length;
  const words = (n: number, seed: string) =>
    Array.from(
      { length: n },
      (_, k) =>
        `(${vocab})[1 + ((${seed})::bigint * ${[7919, 104729, 1299709, 15485863, 2, 3, 5, 7, 11, 13, 17, 19][k % 12]} + ${k * 31}) % ${V}]`,
    ).join(` || ' ' || `);

  const indexes = await db.$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(
    // Indexes a constraint depends on (a composite foreign key's target) stay: they cannot be dropped.
    `SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = ANY($1) AND i.indexname NOT LIKE '%_pkey'
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = format('public.%I', i.indexname)::regclass)`,
    TABLES,
  );
  await db.$transaction(
    async (tx) => {
      const run = (label: string, sql: string) => timed(label, () => tx.$executeRawUnsafe(sql), log);
      await tx.$executeRawUnsafe(`SET LOCAL session_replication_role = replica`); // no triggers, no FK checks during the load
      await tx.$executeRawUnsafe(`SET LOCAL maintenance_work_mem = '512MB'`);
      for (const i of indexes) await tx.$executeRawUnsafe(`DROP INDEX IF EXISTS "${i.indexname}"`);
      await run(
        'sources + labels',
        `
        INSERT INTO "Source" (id, slug, name, domain, domains, country, ownership)
        SELECT i, 'outlet-' || i, 'Outlet ' || i, 'outlet' || i || '.example', ARRAY['outlet' || i || '.example'],
          (ARRAY['US','GB','CN','IR','IL','RU','QA','TR','FR','DE'])[1 + i % 10],
          (ARRAY['STATE','PUBLIC','PRIVATE','UNKNOWN'])[1 + i % 4]::"Ownership"
        FROM generate_series(1, ${s.sources}) i;
        INSERT INTO "BiasLabel" ("sourceId", scheme, value, rater)
        SELECT i, 'lean', (ARRAY['left','center','right'])[1 + i % 3], 'bench rater' FROM generate_series(1, ${s.sources}) i
        UNION ALL SELECT i, 'state-affiliated', (ARRAY['China','Iran','Russia','Qatar','Turkey'])[1 + (i / 10) % 5], 'bench rater'
          FROM generate_series(1, ${s.sources}) i WHERE i % 10 = 0
        UNION ALL SELECT i, 'alignment', (ARRAY['pro-Israel','pro-Iran'])[1 + i % 2], 'bench rater' FROM generate_series(1, ${s.sources}) i WHERE i % 7 = 0;`,
      );
      await run(
        'actors + aliases',
        `
        INSERT INTO "Actor" (id, "workspaceId", "canonicalName", kind)
        SELECT i, ${workspaceId}, 'Actor ' || i, (ARRAY['PERSON','ORGANIZATION','STATE','ARMED_GROUP','COMPANY','MEDIA','OTHER'])[1 + i % 7]::"ActorKind"
        FROM generate_series(1, ${s.actors}) i;
        INSERT INTO "ActorAlias" ("actorId", "workspaceId", alias, normalized, kind)
        SELECT i, ${workspaceId}, 'Actor ' || i, 'actor ' || i, 'CANONICAL'::"AliasKind" FROM generate_series(1, ${s.actors}) i
        UNION ALL SELECT i, ${workspaceId}, 'A. ' || i, 'a ' || i, 'VARIANT'::"AliasKind" FROM generate_series(1, ${s.actors}) i;`,
      );
      await run(
        'events',
        `
        INSERT INTO "Event" (id, "workspaceId", type, summary, "occurredAt", "occurredPrecision", place)
        SELECT i, ${workspaceId}, (ARRAY['ATTACK','STRIKE','KILLING','MEETING','STATEMENT','COORDINATION','PROTEST','CRASH','INVESTIGATION','OTHER'])[1 + i % 10]::"EventType",
          'Event ' || i || ': ' || ${words(5, 'i')}, timestamptz '2018-01-01' + (i * interval '11 hours'), 'DAY', 'Place ' || (i % 300)
        FROM generate_series(1, ${s.events}) i;
        INSERT INTO "EventActor" ("workspaceId", "eventId", "actorId", role)
        SELECT ${workspaceId}, i, 1 + (i * 7) % ${s.actors}, 'AGENT'::"EventRole" FROM generate_series(1, ${s.events}) i
        UNION ALL SELECT ${workspaceId}, i, 1 + (i * 13 + 1) % ${s.actors}, 'TARGET'::"EventRole" FROM generate_series(1, ${s.events}) i;`,
      );
      await run(
        'articles',
        `
        INSERT INTO "Article" (id, "workspaceId", "sourceId", url, "canonicalUrl", title, "publishedAt", "publishedPrecision", language, body,
          "removedLines", "contentHash", "extractorVersion", warnings, "searchVector")
        SELECT a, ${workspaceId}, 1 + (a - 1) % ${s.sources}, 'https://outlet' || (1 + (a - 1) % ${s.sources}) || '.example/' || a,
          'https://outlet' || (1 + (a - 1) % ${s.sources}) || '.example/' || a, t.title, timestamptz '2018-01-01' + (a * interval '37 minutes'), 'DAY', 'en',
          t.body, '{}', md5(a::text), 'bench', '{}',
          setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', t.body), 'B')
        FROM generate_series(1, ${s.articles}) a,
          LATERAL (SELECT ${words(6, 'a')} AS title, ${words(12, 'a + 1')} || '. ' || ${words(12, 'a + 2')} || '.' AS body) t;`,
      );
      await run(
        'clusters + claims',
        `
        INSERT INTO "ClaimCluster" (id, "workspaceId", summary) SELECT k, ${workspaceId}, 'Cluster ' || k FROM generate_series(1, ${clusters}) k;
        INSERT INTO "Claim" (id, "workspaceId", "articleId", "sourceId", "extractionKey", text, "evidenceStart", "evidenceEnd", modality, "eventId", "searchVector", "publishedAt", "clusterId")
        SELECT i, ${workspaceId}, 1 + (i - 1) % ${s.articles}, 1 + ((i - 1) % ${s.articles}) % ${s.sources}, 'k' || i, t.text, 0, 40,
          (ARRAY['REPORTED','ALLEGED','CONFIRMED','DENIED','ADMITTED','OPINION','QUOTED_STATEMENT'])[1 + i % 7]::"Modality",
          CASE WHEN i % 5 = 0 THEN NULL ELSE 1 + i % ${s.events} END, to_tsvector('english', t.text),
          timestamptz '2018-01-01' + ((1 + (i - 1) % ${s.articles}) * interval '37 minutes'), -- its article's date (triggers are off)
          ${clusterOf('i', clusters)}
        FROM generate_series(1, ${s.claims}) i, LATERAL (SELECT ${words(10, 'i')} AS text) t;`,
      );
      // Actor popularity is skewed (a few actors are in many claims), as in the news.
      await run(
        'claim actors',
        `
        INSERT INTO "ClaimActor" ("workspaceId", "claimId", "actorId", role)
        SELECT ${workspaceId}, i, 1 + floor(${s.actors} * power(((i * 2654435761::bigint) % 1000003) / 1000003.0, 3))::int, 'SUBJECT'::"ClaimActorRole" FROM generate_series(1, ${s.claims}) i
        UNION ALL SELECT ${workspaceId}, i, 1 + (i::bigint * 7919) % ${s.actors}, 'OBJECT'::"ClaimActorRole" FROM generate_series(1, ${s.claims}) i;`,
      );
      await run(
        'attribution chains',
        `
        INSERT INTO "ClaimAttribution" ("workspaceId", "claimId", position, kind, label, "sourceId", "actorId")
        SELECT ${workspaceId}, i, 0, 'OUTLET'::"AttributionKind", 'Outlet ' || (1 + ((i - 1) % ${s.articles}) % ${s.sources}), 1 + ((i - 1) % ${s.articles}) % ${s.sources}, NULL FROM generate_series(1, ${s.claims}) i
        UNION ALL SELECT ${workspaceId}, i, 1, (ARRAY['PERSON','OFFICIAL','ANONYMOUS','ORGANIZATION'])[1 + i % 4]::"AttributionKind", 'Actor ' || (1 + (i * 31) % ${s.actors}), NULL,
          1 + (i * 31) % ${s.actors} FROM generate_series(1, ${s.claims}) i;`,
      );
      await run(
        'contradictions',
        `
        INSERT INTO "ClaimRelation" ("workspaceId", "fromClaimId", "toClaimId", kind, reason, slot, "fromValue", "toValue")
        SELECT ${workspaceId}, i * 50, i * 50 + 1, 'CONTRADICTS', (i % 9 + 1) || ' vs ' || (i % 7 + 1) || ' missiles', 'count', (i % 9 + 1)::text, (i % 7 + 1)::text
        FROM generate_series(1, ${Math.floor(s.claims / 50) - 1}) i;`,
      );
      await run('indexes', indexes.map((i) => i.indexdef).join(';\n'));
      // The timeline's and the coverage matrix's kept rows, which the triggers (off during the load) would have appended.
      await run('timeline series', `SELECT "claimgraph_timeline_rebuild"(${workspaceId})`);
      await run('cluster counts', `SELECT "claimgraph_cluster_rebuild"(${workspaceId})`);
      for (const t of [
        'Source',
        'BiasLabel',
        'Actor',
        'ActorAlias',
        'Event',
        'Article',
        'ClaimCluster',
        'Claim',
        'ClaimAttribution',
        'ClaimRelation',
      ]) {
        await tx.$executeRawUnsafe(
          `SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), (SELECT max(id) FROM "${t}"))`,
        );
      }
    },
    { timeout: 30 * 60_000, maxWait: 60_000 },
  );
  await timed('vacuum analyze', () => db.$executeRawUnsafe('VACUUM ANALYZE'), log);
  return (performance.now() - t0) / 1000;
}

/** Generates the dataset unless `marker` says this scale is already there (the API and web benches share it). */
export async function ensureDataset(
  db: PrismaClient,
  workspaceId: number,
  scale: Scale,
  marker: string,
): Promise<void> {
  if (existsSync(marker)) return;
  console.log(`generating ${JSON.stringify(scale)}`);
  const secs = await generate(db, workspaceId, scale);
  await writeFile(marker, JSON.stringify(scale));
  console.log(`generated in ${secs.toFixed(1)} s`);
}
