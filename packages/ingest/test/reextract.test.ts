// Re-extraction replaces extracted rows per article and keeps human work (corrections, review status).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVersions, ingestArticle, reextractArticles } from '../src/index.js';
import { SEEDS_DIR } from '../src/paths.js';
import { freshDb, type TestDb } from './helpers.js';

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(async () => t?.close());

describe('reextractArticles', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('0.9.0', '0.10.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0')).toBe(0);
    expect(compareVersions('2.0.1', '2.0.0')).toBe(1);
  });

  it('keeps corrections and review statuses, and only touches articles below the version', async () => {
    const text = await readFile(path.join(SEEDS_DIR, '004_79c1a45573b89a30.txt'), 'utf8');
    const r = await ingestArticle(t.db, { text, source: 'Press TV' }, { workspaceId: t.workspaceId });
    if (r.status !== 'ingested') throw new Error(JSON.stringify(r));
    const claims = await t.db.claim.findMany({ where: { articleId: r.articleId }, orderBy: { id: 'asc' } });
    expect(claims.length).toBeGreaterThan(2);
    const [c0, c1] = claims as [(typeof claims)[0], (typeof claims)[0]];
    await t.db.correction.create({
      data: {
        workspaceId: t.workspaceId,
        entityType: 'claim',
        entityKey: `${r.articleId}:${c0.extractionKey}`,
        field: 'modality',
        value: 'DENIED',
      },
    });
    await t.db.correction.create({
      data: {
        workspaceId: t.workspaceId,
        entityType: 'claim',
        entityKey: `${r.articleId}:${c0.extractionKey}`,
        field: 'text',
        value: { value: 'Corrected by an editor.' },
      },
    });
    await t.db.claim.update({
      where: { id: c1.id },
      data: { reviewStatus: 'VERIFIED', reviewNote: 'checked against WSJ' },
    });

    const nothing = await reextractArticles(t.db, { workspaceId: t.workspaceId, versionBelow: '0.0.1' });
    expect(nothing.articles).toBe(0);

    const res = await reextractArticles(t.db, { workspaceId: t.workspaceId, all: true });
    expect(res).toMatchObject({ articles: 1, failed: [] });
    expect(res.correctionsApplied).toBe(2);
    expect(res.reviewsKept).toBe(1);
    const after = await t.db.claim.findMany({ where: { articleId: r.articleId } });
    expect(after.length).toBe(claims.length);
    expect(after.every((c) => !claims.some((o) => o.id === c.id))).toBe(true); // rows were replaced
    const k0 = after.find((c) => c.extractionKey === c0.extractionKey)!;
    expect(k0).toMatchObject({ modality: 'DENIED', text: 'Corrected by an editor.' });
    expect(after.find((c) => c.extractionKey === c1.extractionKey)).toMatchObject({
      reviewStatus: 'VERIFIED',
      reviewNote: 'checked against WSJ',
    });
    expect(await t.db.article.count()).toBe(1);
    expect(await t.db.claimAttribution.count({ where: { claim: { articleId: r.articleId } } })).toBeGreaterThan(0);
  });
});
