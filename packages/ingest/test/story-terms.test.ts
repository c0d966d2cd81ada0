// Story profiles stored with articles (Article.storyTerms), on real PostgreSQL: written with the article and
// again on re-extraction, and read by the link stage, which compares only some claims of another article.
import { extract } from '@claimgraph/extract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestArticle, linkPending, reextractArticles, storyTermsOf } from '../src/index.js';
import { freshDb, unlinkAll, type TestDb } from './helpers.js';

// One strike told by two outlets a day apart. The counts' claims share little wording; the rest of the two
// articles (no actor, other events, so not among the link stage's candidates) tells the same morning.
const first = `Iranian officials said four missiles were fired at the base.

Sirens sounded across Isfahan before dawn, residents said.

Flights at the city's airport were suspended for hours, the airport said.

Schools in the province stayed closed as shopkeepers boarded up windows.

Long queues formed at petrol stations and bakeries in the old bazaar.`;
const second = `Two rockets were fired at the base near Isfahan, Iranian state television said.

Sirens sounded over Isfahan before dawn, residents said.

The city's airport suspended flights for several hours, the airport said.

Shopkeepers boarded up windows and schools in the province stayed closed.

Queues formed at bakeries and petrol stations near the old bazaar.`;

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
  await ingestArticle(
    t.db,
    { text: first, source: 'Daily One', publishedAt: '2024-04-15' },
    { workspaceId: t.workspaceId },
  );
  await ingestArticle(
    t.db,
    { text: second, source: 'Daily Two', publishedAt: '2024-04-16' },
    { workspaceId: t.workspaceId },
  );
});
afterAll(async () => t?.close());

const stored = async () =>
  t.db.article.findMany({
    select: { id: true, body: true, storyTerms: true, source: { select: { name: true } } },
    orderBy: { id: 'asc' },
  });
const contradictions = async () =>
  t.db.$queryRawUnsafe<{ slot: string; fromValue: string; toValue: string }[]>(
    `SELECT slot, "fromValue", "toValue" FROM "ClaimRelation" WHERE kind = 'CONTRADICTS' ORDER BY 1, 2, 3`,
  );
/** Every link undone, the profiles set to `terms` (the stored ones where it gives null), and every article linked again. */
const relinkWith = async (terms: (articleId: number) => string[] | null) => {
  await unlinkAll(t);
  for (const a of await stored())
    await t.db.article.update({ where: { id: a.id }, data: { storyTerms: terms(a.id) ?? a.storyTerms } });
  await linkPending(t.db, t.workspaceId);
  return contradictions();
};

describe('story profiles', () => {
  it('are stored with each article: the profile of its whole extraction', async () => {
    const articles = await stored();
    expect(articles).toHaveLength(2);
    for (const a of articles) {
      expect(a.storyTerms.length).toBeGreaterThan(15);
      expect(a.storyTerms).toEqual([...a.storyTerms].sort());
      const again = extract({ text: a.body, format: 'text', outlet: a.source.name });
      expect(a.storyTerms).toEqual(storyTermsOf(again));
    }
  });

  it('let the link stage read two articles as one story by the whole of both', async () => {
    // The second article's link job is given only its count's claim of the first: by that claim alone, the
    // first article tells another story; by the stored profiles, the same one, and the counts contradict.
    expect(await contradictions()).toEqual([{ slot: 'count', fromValue: '4', toValue: '2' }]);
    const own = new Map((await stored()).map((a) => [a.id, a.storyTerms]));
    // Articles stored before profiles were (none stored): read by the claims compared, as before.
    expect(await relinkWith(() => [])).toEqual([]);
    // Profiles that share nothing: two stories.
    expect(await relinkWith((id) => [`w:story${id}`])).toEqual([]);
    expect(await relinkWith((id) => own.get(id)!)).toEqual([{ slot: 'count', fromValue: '4', toValue: '2' }]);
  });

  it('are computed again on re-extraction', async () => {
    const before = await stored();
    for (const a of before) await t.db.article.update({ where: { id: a.id }, data: { storyTerms: [] } });
    await reextractArticles(t.db, { workspaceId: t.workspaceId, all: true });
    expect((await stored()).map((a) => a.storyTerms)).toEqual(before.map((a) => a.storyTerms));
  });
});
