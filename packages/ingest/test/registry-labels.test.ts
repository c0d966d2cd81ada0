// The registry's shipped rater file (AllSides lean ratings) on a fresh database: imported once, found by articles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry, ingestArticle } from '../src/index.js';
import { freshDb, type TestDb } from './helpers.js';

let t: TestDb;
let first: Awaited<ReturnType<typeof importRegistry>>;
beforeAll(async () => {
  t = await freshDb();
  first = await importRegistry(t.db);
});
afterAll(async () => t?.close());

const leanOf = async (name: string) => {
  const outlet = await t.db.source.findFirstOrThrow({
    where: { name, workspaceId: null },
    include: { labels: { where: { scheme: 'lean' } } },
  });
  return outlet.labels.map((l) => ({
    value: l.value,
    rater: l.rater,
    shared: l.workspaceId === null,
    note: l.note ?? '',
  }));
};

describe('shipped AllSides lean ratings', () => {
  it('label registry outlets, shared, with provenance on every row', async () => {
    const labels = await t.db.biasLabel.findMany({ where: { scheme: 'lean' } });
    // 491 rated entries; the news-side spellings of seven registry outlets share their outlet's label.
    expect(labels.length).toBeGreaterThan(470);
    for (const l of labels) {
      expect([l.rater, l.workspaceId, l.url]).toEqual([
        'AllSides',
        null,
        'https://www.allsides.com/media-bias/media-bias-ratings',
      ]);
      expect(l.note).toContain('Article-Bias-Prediction dataset (Baly et al., EMNLP 2020, Apache-2.0)');
    }
    expect(new Set(labels.map((l) => l.value))).toEqual(new Set(['left', 'center', 'right']));
    expect(await leanOf('Washington Times')).toEqual([expect.objectContaining({ value: 'right', shared: true })]);
    // AllSides' "CNN (Web News)" is the registry's CNN (an alias): the label lands there and says how it was spelled.
    const [cnn] = await leanOf('CNN');
    expect(cnn).toMatchObject({ value: 'left', rater: 'AllSides' });
    expect(cnn!.note).toMatch(/^Rated as "CNN \(Web News\)"\./);
    expect(await leanOf('CGTN')).toEqual([]);
  });

  it('a second import changes nothing', async () => {
    expect(first.labelsAdded).toBeGreaterThan(470);
    const counts = async () => [await t.db.source.count(), await t.db.biasLabel.count()];
    const before = await counts();
    expect(await importRegistry(t.db)).toMatchObject({ createdOutlets: 0, labelsAdded: 0, labelsRetired: 0 });
    expect(await counts()).toEqual(before);
  });

  it("an article under the rater's spelling or the outlet's domain reaches the labelled outlet", async () => {
    const text =
      'The Senate passed the bill on Tuesday, the majority leader said. Opponents said it would fail in the House.';
    const times = await ingestArticle(
      t.db,
      { text, source: 'Washington Times', url: 'https://www.washingtontimes.com/news/2020/jan/1/a/' },
      { workspaceId: t.workspaceId },
    );
    const cnn = await ingestArticle(
      t.db,
      {
        text: `${text} Both sides agreed.`,
        source: 'CNN (Web News)',
        url: 'https://politicalticker.blogs.cnn.com/2012/1/1/b/',
      },
      { workspaceId: t.workspaceId },
    );
    for (const [r, outlet] of [
      [times, 'Washington Times'],
      [cnn, 'CNN'],
    ] as const) {
      if (r.status !== 'ingested') throw new Error(JSON.stringify(r));
      const article = await t.db.article.findUniqueOrThrow({ where: { id: r.articleId }, include: { source: true } });
      expect([article.source.name, article.source.workspaceId]).toEqual([outlet, null]);
    }
  });

  it("an article fetched from a rated outlet's site, with no outlet name, gets the outlet and its rating by domain", async () => {
    const text = 'The governor signed the budget on Friday, her office said. Critics said the cuts went too far.';
    const r = await ingestArticle(
      t.db,
      { text, url: 'https://www.dailywire.com/news/budget-signed' },
      { workspaceId: t.workspaceId },
    );
    if (r.status !== 'ingested') throw new Error(JSON.stringify(r));
    const article = await t.db.article.findUniqueOrThrow({
      where: { id: r.articleId },
      include: { source: { include: { labels: true } } },
    });
    expect(article.source).toMatchObject({ name: 'The Daily Wire', domain: 'dailywire.com', workspaceId: null });
    expect(article.source.labels.map((l) => [l.scheme, l.value, l.rater])).toEqual([['lean', 'right', 'AllSides']]);
  });
});
