// The five seed articles through the real ingest path, against a real PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedSampleCorpus } from '../src/index.js';
import { freshDb, type TestDb } from './helpers.js';

let t: TestDb;
let seeded: Awaited<ReturnType<typeof seedSampleCorpus>>;

beforeAll(async () => {
  t = await freshDb();
  seeded = await seedSampleCorpus(t.db, { workspaceId: t.workspaceId });
});
afterAll(async () => t?.close());

const articleIdOf = (prefix: string) => {
  const r = seeded.results.find((x) => x.file.startsWith(prefix))!;
  if (r.status !== 'ingested') throw new Error(`${prefix} was not ingested: ${JSON.stringify(r)}`);
  return r.articleId!;
};

describe('seed corpus', () => {
  it('ingests all five articles from their outlets', async () => {
    expect(seeded.seeded).toBe(true);
    for (const { file, status, error } of seeded.results) expect(status, `${file} ${error ?? ''}`).toBe('ingested');
    const articles = await t.db.article.findMany({ include: { source: true }, orderBy: { id: 'asc' } });
    expect(articles.map((a) => a.source.name)).toEqual([
      'CGTN',
      'American Military News',
      'Times of Jerusalem',
      'StreamNews',
      'Press TV',
    ]);
    const cgtn = await t.db.source.findFirstOrThrow({ where: { name: 'CGTN' }, include: { labels: true } });
    expect(cgtn.ownership).toBe('STATE');
    expect(cgtn.labels.map((l) => [l.scheme, l.value])).toContainEqual(['state-affiliated', 'China']);
    const toj = await t.db.source.findFirstOrThrow({
      where: { name: 'Times of Jerusalem' },
      include: { labels: true },
    });
    expect(toj.ownership).toBe('UNKNOWN');
    expect(toj.labels).toEqual([]);
  });

  it('does nothing on a workspace that has articles', async () => {
    const again = await seedSampleCorpus(t.db, { workspaceId: t.workspaceId });
    expect(again.seeded).toBe(false);
    expect(await t.db.article.count()).toBe(5);
  });

  it('resolves each real-world actor to one Actor across articles', async () => {
    for (const name of ['Soleimani', 'Netanyahu']) {
      const actors = await t.db.actor.findMany({
        where: { aliases: { some: { normalized: { contains: name.toLowerCase() } } }, kind: 'PERSON' },
      });
      expect(
        actors.map((a) => a.canonicalName),
        name,
      ).toHaveLength(1);
    }
    const israel = await t.db.actor.findMany({ where: { aliases: { some: { normalized: 'israel' } } } });
    expect(israel.map((a) => a.canonicalName)).toHaveLength(1);
    // Soleimani is named in at least four of the five articles; all link to the one actor.
    const soleimani = await t.db.actor.findFirstOrThrow({
      where: { aliases: { some: { normalized: { contains: 'soleimani' } } } },
    });
    const articles = await t.db.claim.findMany({
      where: { actors: { some: { actorId: soleimani.id } } },
      distinct: ['articleId'],
      select: { articleId: true },
    });
    expect(articles.length).toBeGreaterThanOrEqual(3);
    const dupNames = await t.db.$queryRaw<{ canonicalName: string; n: bigint }[]>`
      SELECT "canonicalName", count(*) AS n FROM "Actor" GROUP BY "canonicalName" HAVING count(*) > 1`;
    expect(dupNames).toEqual([]);
  });

  it('merges the Baghdad airport strike into one event referenced by 000, 001 and 003', async () => {
    const ids = ['000', '001', '003'].map(articleIdOf);
    // Every Baghdad strike, whatever its date: a report date taken for the event's once made a second one.
    const strikes = await t.db.event.findMany({
      where: { type: 'STRIKE', place: { contains: 'Baghdad' } },
      include: { mentions: { select: { articleId: true } } },
    });
    expect(strikes).toHaveLength(1);
    expect(strikes[0]!.occurredAt!.getTime()).toBeGreaterThanOrEqual(Date.parse('2020-01-02'));
    expect(strikes[0]!.occurredAt!.getTime()).toBeLessThan(Date.parse('2020-01-04'));
    expect([...new Set(strikes[0]!.mentions.map((m) => m.articleId))].filter((a) => ids.includes(a)).sort()).toEqual(
      [...ids].sort(),
    );
  });

  it('stores CONTRADICTS relations for the missile counts, with reasons', async () => {
    const contradictions = await t.db.claimRelation.findMany({
      where: { kind: 'CONTRADICTS' },
      include: { fromClaim: { select: { articleId: true } }, toClaim: { select: { articleId: true } } },
    });
    const missiles = contradictions.filter((r) => r.slot === 'count' && /missile/i.test(r.reason));
    expect(missiles.length).toBeGreaterThanOrEqual(1);
    for (const r of contradictions) {
      expect(r.fromClaim.articleId).not.toBe(r.toClaim.articleId);
      expect(r.reason.length).toBeGreaterThan(0);
    }
  });

  it('keeps corroboration as cluster membership: each member with its reason, no relation row per pair', async () => {
    expect(await t.db.claimRelation.count({ where: { kind: 'CORROBORATES' } })).toBe(0);
    const members = await t.db.claim.findMany({
      where: { clusterId: { not: null } },
      include: { source: { select: { name: true } } },
      orderBy: { id: 'asc' },
    });
    for (const c of members) expect(c.clusterReason, c.text).toMatch(/^same statement/);
    // CGTN's report that Israel helped the strike stands with what American Military News says of it.
    const helped = members.find((c) => c.source.name === 'CGTN' && /Israel helped/.test(c.text));
    expect(helped).toBeDefined();
    const cluster = members.filter((c) => c.clusterId === helped!.clusterId);
    expect([...new Set(cluster.map((c) => c.source.name))].sort()).toEqual(['American Military News', 'CGTN']);
    // A contradiction never joins two claims in a cluster: the missile counts stay apart.
    const missiles = await t.db.claimRelation.findFirstOrThrow({
      where: { kind: 'CONTRADICTS', slot: 'count' },
      include: { fromClaim: true, toClaim: true },
    });
    expect(missiles.fromClaim.clusterId === null || missiles.fromClaim.clusterId !== missiles.toClaim.clusterId).toBe(
      true,
    );
  });

  it('keeps attribution chains with the outlet at position 0', async () => {
    const chains = await t.db.claimAttribution.findMany({
      where: { position: 0 },
      include: { claim: { select: { sourceId: true } } },
    });
    expect(chains.length).toBeGreaterThan(0);
    for (const c of chains) if (c.kind === 'OUTLET') expect(c.sourceId).toBe(c.claim.sourceId);
    // CGTN relays NBC News: a cited outlet links to its registry Source.
    const nbc = await t.db.claimAttribution.findFirst({ where: { source: { name: 'NBC News' } } });
    expect(nbc).not.toBeNull();
  });
});
