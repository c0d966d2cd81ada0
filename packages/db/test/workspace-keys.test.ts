// Workspace isolation held by the schema: links between research rows carry their workspace in their keys,
// and outlets are a workspace's own. Checked on the database itself, below any application code.
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.js';
import { migrationsDir } from '../src/paths.js';
import { createTestDatabase } from '../src/testing.js';

const OUTLETS_MIGRATION = '20261206075738_outlets_per_workspace_and_workspace_keys';

async function connect(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}
const one = async (c: pg.Client, text: string, values: unknown[] = []) =>
  (await c.query(text, values)).rows[0] as Record<string, number>;

describe('workspace keys', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const fn of cleanup) await fn();
  });

  describe('refuse a link across workspaces', () => {
    let c: pg.Client;
    const id: Record<string, number> = {};
    beforeAll(async () => {
      const db = await createTestDatabase();
      cleanup.push(db.drop);
      c = await connect(db.url);
      cleanup.unshift(() => c.end());
      for (const w of ['a', 'b']) {
        id[w] = (await one(c, `INSERT INTO "Workspace"(slug, name) VALUES ($1, $1) RETURNING id`, [w])).id!;
        const ws = id[w];
        id[`source${w}`] = (
          await one(
            c,
            `INSERT INTO "Source"("workspaceId", slug, name, domains) VALUES ($1, 'desk', 'Desk', '{}') RETURNING id`,
            [ws],
          )
        ).id!;
        id[`article${w}`] = (
          await one(
            c,
            `INSERT INTO "Article"("workspaceId", "sourceId", body, "contentHash", "extractorVersion") VALUES ($1, $2, 'x', 'h', '0') RETURNING id`,
            [ws, id[`source${w}`]],
          )
        ).id!;
        id[`claim${w}`] = (
          await one(
            c,
            `INSERT INTO "Claim"("workspaceId", "articleId", "sourceId", "extractionKey", text, "evidenceStart", "evidenceEnd", modality)
          VALUES ($1, $2, $3, 'k', 't', 0, 1, 'REPORTED') RETURNING id`,
            [ws, id[`article${w}`], id[`source${w}`]],
          )
        ).id!;
        id[`actor${w}`] = (
          await one(
            c,
            `INSERT INTO "Actor"("workspaceId", "canonicalName", kind) VALUES ($1, 'X', 'PERSON') RETURNING id`,
            [ws],
          )
        ).id!;
        id[`event${w}`] = (
          await one(c, `INSERT INTO "Event"("workspaceId", type, summary) VALUES ($1, 'STRIKE', 's') RETURNING id`, [
            ws,
          ])
        ).id!;
      }
    });

    const refused = (text: string, values: unknown[]) =>
      expect(c.query(text, values)).rejects.toMatchObject({ code: '23503' });

    it('claim–actor', async () => {
      await refused(
        `INSERT INTO "ClaimActor"("workspaceId", "claimId", "actorId", role) VALUES ($1, $2, $3, 'SUBJECT')`,
        [id.a, id.claima, id.actorb],
      );
      await refused(
        `INSERT INTO "ClaimActor"("workspaceId", "claimId", "actorId", role) VALUES ($1, $2, $3, 'SUBJECT')`,
        [id.b, id.claima, id.actorb],
      );
      await c.query(
        `INSERT INTO "ClaimActor"("workspaceId", "claimId", "actorId", role) VALUES ($1, $2, $3, 'SUBJECT')`,
        [id.a, id.claima, id.actora],
      );
      // Moving a link to another workspace's actor (as a buggy merge would) is refused too.
      await refused(`UPDATE "ClaimActor" SET "actorId" = $1 WHERE "claimId" = $2`, [id.actorb, id.claima]);
    });

    it('event–actor, event mentions, claim events and articles', async () => {
      await refused(
        `INSERT INTO "EventActor"("workspaceId", "eventId", "actorId", role) VALUES ($1, $2, $3, 'AGENT')`,
        [id.a, id.eventa, id.actorb],
      );
      await refused(
        `INSERT INTO "EventActor"("workspaceId", "eventId", "actorId", role) VALUES ($1, $2, $3, 'AGENT')`,
        [id.b, id.eventa, id.actorb],
      );
      await refused(
        `INSERT INTO "EventMention"("workspaceId", "eventId", "articleId", surface) VALUES ($1, $2, $3, 's')`,
        [id.a, id.eventa, id.articleb],
      );
      await refused(`UPDATE "Claim" SET "eventId" = $1 WHERE id = $2`, [id.eventb, id.claima]);
      await refused(
        `INSERT INTO "Claim"("workspaceId", "articleId", "sourceId", "extractionKey", text, "evidenceStart", "evidenceEnd", modality)
        VALUES ($1, $2, $3, 'k2', 't', 0, 1, 'REPORTED')`,
        [id.a, id.articleb, id.sourcea],
      );
      await c.query(
        `INSERT INTO "EventActor"("workspaceId", "eventId", "actorId", role) VALUES ($1, $2, $3, 'AGENT')`,
        [id.a, id.eventa, id.actora],
      );
    });

    it('claim relations and actor aliases', async () => {
      await refused(
        `INSERT INTO "ClaimRelation"("workspaceId", "fromClaimId", "toClaimId", kind, reason) VALUES ($1, $2, $3, 'CONTRADICTS', 'r')`,
        [id.a, id.claima, id.claimb],
      );
      await refused(
        `INSERT INTO "ClaimRelation"("workspaceId", "fromClaimId", "toClaimId", kind, reason) VALUES ($1, $2, $3, 'CONTRADICTS', 'r')`,
        [id.b, id.claima, id.claimb],
      );
      await refused(`INSERT INTO "ActorAlias"("workspaceId", "actorId", alias, normalized) VALUES ($1, $2, 'x', 'x')`, [
        id.a,
        id.actorb,
      ]);
    });

    it('chain links and clusters', async () => {
      await refused(
        `INSERT INTO "ClaimAttribution"("workspaceId", "claimId", position, kind, label, "actorId") VALUES ($1, $2, 1, 'PERSON', 'x', $3)`,
        [id.a, id.claima, id.actorb],
      );
      await refused(
        `INSERT INTO "ClaimAttribution"("workspaceId", "claimId", position, kind, label) VALUES ($1, $2, 1, 'PERSON', 'x')`,
        [id.b, id.claima],
      );
      await c.query(
        `INSERT INTO "ClaimAttribution"("workspaceId", "claimId", position, kind, label, "actorId") VALUES ($1, $2, 1, 'PERSON', 'x', $3)`,
        [id.a, id.claima, id.actora],
      );
      const cluster = (
        await one(c, `INSERT INTO "ClaimCluster"("workspaceId", summary) VALUES ($1, 's') RETURNING id`, [id.b])
      ).id;
      await refused(`UPDATE "Claim" SET "clusterId" = $1 WHERE id = $2`, [cluster, id.claima]);
    });

    it("refuse rows naming another workspace's outlet; the registry's are everyone's", async () => {
      await refused(
        `INSERT INTO "Article"("workspaceId", "sourceId", body, "contentHash", "extractorVersion") VALUES ($1, $2, 'y', 'h2', '0')`,
        [id.b, id.sourcea],
      );
      await refused(`UPDATE "Article" SET "sourceId" = $1 WHERE id = $2`, [id.sourcea, id.articleb]);
      await refused(`UPDATE "Claim" SET "sourceId" = $1 WHERE id = $2`, [id.sourcea, id.claimb]);
      await refused(
        `INSERT INTO "ClaimAttribution"("workspaceId", "claimId", position, kind, label, "sourceId") VALUES ($1, $2, 2, 'OUTLET', 'x', $3)`,
        [id.b, id.claimb, id.sourcea],
      );
      await refused(
        `INSERT INTO "BiasLabel"("workspaceId", "sourceId", scheme, value, rater) VALUES ($1, $2, 'lean', 'left', 'r')`,
        [id.b, id.sourcea],
      );
      await refused(`INSERT INTO "BiasLabel"("sourceId", scheme, value, rater) VALUES ($1, 'lean', 'left', 'r')`, [
        id.sourcea,
      ]);
      const registry = (
        await one(c, `INSERT INTO "Source"(slug, name, domains) VALUES ('wire', 'Wire', '{}') RETURNING id`)
      ).id;
      await c.query(
        `INSERT INTO "Article"("workspaceId", "sourceId", body, "contentHash", "extractorVersion") VALUES ($1, $2, 'y', 'h2', '0')`,
        [id.b, registry],
      );
      await c.query(
        `INSERT INTO "BiasLabel"("workspaceId", "sourceId", scheme, value, rater) VALUES ($1, $2, 'lean', 'left', 'r')`,
        [id.b, registry],
      );
      await c.query(
        `INSERT INTO "BiasLabel"("workspaceId", "sourceId", scheme, value, rater) VALUES ($1, $2, 'lean', 'left', 'r')`,
        [id.b, id.sourceb],
      );
    });

    it('keep outlet names and domains unique per workspace only', async () => {
      // Both workspaces hold an outlet "desk" (beforeAll); a second one in the same workspace is refused.
      await expect(
        c.query(`INSERT INTO "Source"("workspaceId", slug, name, domains) VALUES ($1, 'desk', 'Desk', '{}')`, [id.a]),
      ).rejects.toMatchObject({ code: '23505' });
      await c.query(`UPDATE "Source" SET domain = 'desk.example' WHERE id = ANY($1)`, [[id.sourcea, id.sourceb]]);
    });
  });

  it('let a workspace be deleted with all its rows, links and outlets in one statement', async () => {
    const db = await createTestDatabase();
    cleanup.push(db.drop);
    const c = await connect(db.url);
    try {
      const ws = (await one(c, `INSERT INTO "Workspace"(slug, name) VALUES ('gone', 'Gone') RETURNING id`)).id!;
      const src = (
        await one(
          c,
          `INSERT INTO "Source"("workspaceId", slug, name, domains) VALUES ($1, 'desk', 'Desk', '{}') RETURNING id`,
          [ws],
        )
      ).id!;
      const art = (
        await one(
          c,
          `INSERT INTO "Article"("workspaceId", "sourceId", body, "contentHash", "extractorVersion") VALUES ($1, $2, 'x', 'h', '0') RETURNING id`,
          [ws, src],
        )
      ).id!;
      const actor = (
        await one(
          c,
          `INSERT INTO "Actor"("workspaceId", "canonicalName", kind) VALUES ($1, 'X', 'PERSON') RETURNING id`,
          [ws],
        )
      ).id!;
      const event = (
        await one(c, `INSERT INTO "Event"("workspaceId", type, summary) VALUES ($1, 'STRIKE', 's') RETURNING id`, [ws])
      ).id!;
      const cluster = (
        await one(c, `INSERT INTO "ClaimCluster"("workspaceId", summary) VALUES ($1, 's') RETURNING id`, [ws])
      ).id!;
      const claim = (
        await one(
          c,
          `INSERT INTO "Claim"("workspaceId", "articleId", "sourceId", "extractionKey", text, "evidenceStart", "evidenceEnd", modality, "eventId", "clusterId")
        VALUES ($1, $2, $3, 'k', 't', 0, 1, 'REPORTED', $4, $5) RETURNING id`,
          [ws, art, src, event, cluster],
        )
      ).id!;
      await c.query(
        `INSERT INTO "ClaimAttribution"("workspaceId", "claimId", position, kind, label, "actorId", "sourceId") VALUES ($1, $2, 0, 'OUTLET', 'Desk', $3, $4)`,
        [ws, claim, actor, src],
      );
      await c.query(
        `INSERT INTO "ClaimActor"("workspaceId", "claimId", "actorId", role) VALUES ($1, $2, $3, 'SUBJECT')`,
        [ws, claim, actor],
      );
      await c.query(
        `INSERT INTO "EventActor"("workspaceId", "eventId", "actorId", role) VALUES ($1, $2, $3, 'AGENT')`,
        [ws, event, actor],
      );
      await c.query(
        `INSERT INTO "BiasLabel"("workspaceId", "sourceId", scheme, value, rater) VALUES ($1, $2, 'lean', 'left', 'r')`,
        [ws, src],
      );
      // Deleting an event or an actor empties the references to it, and keeps the rows' workspace.
      await c.query(`DELETE FROM "Event" WHERE id = $1`, [event]);
      await c.query(`DELETE FROM "Actor" WHERE id = $1`, [actor]);
      expect(await one(c, `SELECT "workspaceId", "eventId", "clusterId" FROM "Claim" WHERE id = $1`, [claim])).toEqual({
        workspaceId: ws,
        eventId: null,
        clusterId: cluster,
      });
      expect(
        await one(c, `SELECT "workspaceId", "actorId" FROM "ClaimAttribution" WHERE "claimId" = $1`, [claim]),
      ).toEqual({ workspaceId: ws, actorId: null });
      const actor2 = (
        await one(
          c,
          `INSERT INTO "Actor"("workspaceId", "canonicalName", kind) VALUES ($1, 'Y', 'PERSON') RETURNING id`,
          [ws],
        )
      ).id!;
      const event2 = (
        await one(c, `INSERT INTO "Event"("workspaceId", type, summary) VALUES ($1, 'STRIKE', 's') RETURNING id`, [ws])
      ).id!;
      await c.query(`UPDATE "ClaimAttribution" SET "actorId" = $1 WHERE "claimId" = $2`, [actor2, claim]);
      await c.query(`UPDATE "Claim" SET "eventId" = $1 WHERE id = $2`, [event2, claim]);
      await c.query(
        `INSERT INTO "ClaimActor"("workspaceId", "claimId", "actorId", role) VALUES ($1, $2, $3, 'SUBJECT')`,
        [ws, claim, actor2],
      );
      await c.query(
        `INSERT INTO "EventActor"("workspaceId", "eventId", "actorId", role) VALUES ($1, $2, $3, 'AGENT')`,
        [ws, event2, actor2],
      );
      await c.query(`DELETE FROM "Workspace" WHERE id = $1`, [ws]);
      for (const t of [
        'Source',
        'Article',
        'Claim',
        'ClaimAttribution',
        'ClaimActor',
        'EventActor',
        'Event',
        'Actor',
        'ClaimCluster',
        'BiasLabel',
      ]) {
        expect((await one(c, `SELECT count(*)::int AS n FROM "${t}"`)).n, t).toBe(0);
      }
    } finally {
      await c.end();
    }
  });

  it('migration hands each workspace its outlets and fills the links’ workspace', async () => {
    const db = await createTestDatabase();
    cleanup.push(db.drop);
    const c = await connect(db.url);
    try {
      await c.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
      const tmp = await mkdtemp(path.join(os.tmpdir(), 'claimgraph-before-outlets-'));
      cleanup.push(() => rm(tmp, { recursive: true, force: true }));
      for (const name of await readdir(migrationsDir)) {
        if (name < OUTLETS_MIGRATION || name === 'migration_lock.toml')
          await cp(path.join(migrationsDir, name), path.join(tmp, name), { recursive: true });
      }
      await migrate(db.url, tmp);

      // Before: outlets shared by everyone.
      const ws1 = (await one(c, `INSERT INTO "Workspace"(slug, name) VALUES ('one', 'One') RETURNING id`)).id!;
      const ws2 = (await one(c, `INSERT INTO "Workspace"(slug, name) VALUES ('two', 'Two') RETURNING id`)).id!;
      const source = async (slug: string, domain: string | null) =>
        (
          await one(c, `INSERT INTO "Source"(slug, name, domain, domains) VALUES ($1, $1, $2, $3) RETURNING id`, [
            slug,
            domain,
            domain ? [domain] : [],
          ])
        ).id!;
      const cgtn = await source('cgtn', 'cgtn.com'); // the starter registry's, unlabelled
      const labelled = await source('rated-outlet', 'rated.example'); // a shared label makes it the registry's
      const desk = await source('state-desk', 'desk.example'); // used by both workspaces
      const solo = await source('solo', null); // used by workspace two only
      const orphan = await source('orphan', null); // used by no one
      await c.query(`INSERT INTO "BiasLabel"("sourceId", scheme, value, rater) VALUES ($1, 'lean', 'left', 'r')`, [
        labelled,
      ]);
      await c.query(
        `INSERT INTO "BiasLabel"("sourceId", "workspaceId", scheme, value, rater) VALUES ($1, $2, 'lean', 'right', 'editor')`,
        [desk, ws2],
      );
      const article = async (ws: number, sourceId: number, hash: string) =>
        (
          await one(
            c,
            `INSERT INTO "Article"("workspaceId", "sourceId", body, "contentHash", "extractorVersion") VALUES ($1, $2, 'b', $3, '0') RETURNING id`,
            [ws, sourceId, hash],
          )
        ).id!;
      const claim = async (ws: number, articleId: number, sourceId: number) =>
        (
          await one(
            c,
            `INSERT INTO "Claim"("workspaceId", "articleId", "sourceId", "extractionKey", text, "evidenceStart", "evidenceEnd", modality)
          VALUES ($1, $2, $3, 'k', 't', 0, 1, 'REPORTED') RETURNING id`,
            [ws, articleId, sourceId],
          )
        ).id!;
      const a1 = await article(ws1, desk, 'h1');
      const a2 = await article(ws2, desk, 'h2');
      const a3 = await article(ws2, cgtn, 'h3');
      const c1 = await claim(ws1, a1, desk);
      const c2 = await claim(ws2, a2, desk);
      const c3 = await claim(ws2, a3, cgtn);
      await c.query(
        `INSERT INTO "ClaimAttribution"("claimId", position, kind, label, "sourceId") VALUES ($1, 1, 'OUTLET', 'Solo', $2)`,
        [c3, solo],
      );
      const actor1 = (
        await one(
          c,
          `INSERT INTO "Actor"("workspaceId", "canonicalName", kind) VALUES ($1, 'X', 'PERSON') RETURNING id`,
          [ws1],
        )
      ).id!;
      const actor2 = (
        await one(
          c,
          `INSERT INTO "Actor"("workspaceId", "canonicalName", kind) VALUES ($1, 'X', 'PERSON') RETURNING id`,
          [ws2],
        )
      ).id!;
      await c.query(
        `INSERT INTO "ClaimActor"("claimId", "actorId", role) VALUES ($1, $2, 'SUBJECT'), ($3, $4, 'SUBJECT'), ($1, $4, 'OBJECT')`,
        [c1, actor1, c2, actor2],
      );

      await migrate(db.url);

      const outlets = (await c.query(`SELECT id, slug, "workspaceId" FROM "Source" ORDER BY id`)).rows;
      expect(outlets.find((s) => s.id === cgtn)).toMatchObject({ workspaceId: null });
      expect(outlets.find((s) => s.id === labelled)).toMatchObject({ workspaceId: null });
      expect(outlets.find((s) => s.id === desk)).toMatchObject({ workspaceId: ws1 });
      expect(outlets.find((s) => s.id === solo)).toMatchObject({ workspaceId: ws2 });
      expect(outlets.find((s) => s.id === orphan)).toBeUndefined();
      const copy = outlets.find((s) => s.slug === 'state-desk' && s.workspaceId === ws2);
      expect(copy).toBeDefined();
      // Workspace two's rows moved to its copy, workspace one's stayed.
      expect((await one(c, `SELECT "sourceId" FROM "Article" WHERE id = $1`, [a2])).sourceId).toBe(copy.id);
      expect((await one(c, `SELECT "sourceId" FROM "Claim" WHERE id = $1`, [c2])).sourceId).toBe(copy.id);
      expect((await one(c, `SELECT "sourceId" FROM "Article" WHERE id = $1`, [a1])).sourceId).toBe(desk);
      expect((await one(c, `SELECT "sourceId" FROM "BiasLabel" WHERE "workspaceId" = $1`, [ws2])).sourceId).toBe(
        copy.id,
      );
      expect((await one(c, `SELECT domain FROM "Source" WHERE id = $1`, [copy.id])).domain).toBe('desk.example');
      expect(
        await one(c, `SELECT "workspaceId", "sourceId" FROM "ClaimAttribution" WHERE "claimId" = $1`, [c3]),
      ).toEqual({ workspaceId: ws2, sourceId: solo });
      // Links know their workspace; the one that crossed workspaces is gone.
      const links = (await c.query(`SELECT "workspaceId", "claimId", "actorId" FROM "ClaimActor" ORDER BY "claimId"`))
        .rows;
      expect(links).toEqual([
        { workspaceId: ws1, claimId: c1, actorId: actor1 },
        { workspaceId: ws2, claimId: c2, actorId: actor2 },
      ]);
    } finally {
      await c.end();
    }
  });
});
