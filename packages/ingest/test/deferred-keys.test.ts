// Stage 1's natural keys are taken at the end of the write (locks.ts): a writer holds nothing while it reads and
// writes, so a second writer of the same new actors and events is not kept waiting by it; the first finds at its end
// that the second committed after it read, and runs again, taking its keys at once, and matches what the second created.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importRegistry, ingestArticle, type ArticleInput, type IngestResult } from '../src/index.js';
import { buildCorpus } from './corpus.js';
import { freshDb, type TestDb } from './helpers.js';

let seed: ArticleInput;
let t: TestDb;

beforeAll(async () => {
  seed = (await buildCorpus())[0]!;
  t = await freshDb();
  await importRegistry(t.db);
});
afterAll(() => t.close());

describe('natural keys taken at the end of the write', () => {
  it('keep no second writer of the same new actors waiting, and the first runs again and matches what it created', async () => {
    let release!: () => void;
    const paused = new Promise<void>((r) => (release = r));
    let reachedClaims!: () => void;
    const atClaims = new Promise<void>((r) => (reachedClaims = r));
    const attempts: string[] = [];
    // The first writer stops after its actors and claims, before its events (it has created the actors by then).
    const first = ingestArticle(t.db, seed, {
      workspaceId: t.workspaceId,
      link: 'later',
      hooks: {
        afterStage: async (stage) => {
          if (stage === 'actors') attempts.push('actors');
          if (stage !== 'claims' || attempts.length > 1) return;
          reachedClaims();
          await paused;
        },
      },
    });
    await atClaims;
    // The same actors and event from another outlet, written while the first holds its transaction open.
    const second = ingestArticle(
      t.db,
      { ...seed, text: `${seed.text}\n\nThe story was updated.`, source: 'Reuters' },
      { workspaceId: t.workspaceId, link: 'later' },
    );
    const raced = await Promise.race([
      second.then(() => 'second finished'),
      new Promise((r) => setTimeout(() => r('second waited'), 20_000)),
    ]);
    release();
    const [a, b] = (await Promise.all([first, second])) as Extract<IngestResult, { status: 'ingested' }>[];
    expect(raced).toBe('second finished');
    expect(b!.status).toBe('ingested');
    expect(b!.counts.actorsCreated).toBeGreaterThan(0);
    expect(a!.status).toBe('ingested');
    // The first ran again and found every actor the second created.
    expect(attempts).toEqual(['actors', 'actors']);
    expect(a!.counts.actorsCreated).toBe(0);
    const duplicates = await t.db.$queryRawUnsafe<{ v: string }[]>(
      `SELECT a.kind || ' ' || aa.normalized AS v FROM "ActorAlias" aa JOIN "Actor" a ON a.id = aa."actorId"
        WHERE aa.kind = 'CANONICAL' GROUP BY a.kind, aa.normalized HAVING count(DISTINCT a.id) > 1`,
    );
    expect(duplicates).toEqual([]);
    // Nor an event: two day-dated events of one type, a day or less apart, with an actor in common would have been merged.
    const events = await t.db.$queryRawUnsafe<{ v: string }[]>(
      `SELECT e1.id || '~' || e2.id AS v FROM "Event" e1 JOIN "Event" e2 ON e2.type = e1.type AND e2.id > e1.id
        WHERE e1."occurredPrecision" IN ('DAY', 'EXACT') AND e2."occurredPrecision" IN ('DAY', 'EXACT')
          AND abs(extract(epoch FROM e1."occurredAt" - e2."occurredAt")) <= 86400
          AND EXISTS (SELECT 1 FROM "EventActor" x JOIN "EventActor" y ON y."actorId" = x."actorId" WHERE x."eventId" = e1.id AND y."eventId" = e2.id)`,
    );
    expect(events).toEqual([]);
    expect(a!.counts.eventsMerged).toBeGreaterThan(0);
  }, 60_000);
});
