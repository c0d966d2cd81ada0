/* eslint-disable @typescript-eslint/no-explicit-any -- GraphQL responses are checked by value */
// Review and correction over real HTTP in team mode: corrections survive re-extraction, merges and splits move
// what they should, labels keep provenance, and every change has its audit entry (visible to admins only).
import { reextractArticles } from '@claimgraph/ingest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { toGlobalId } from '../../src/ids.js';
import { asSession, fingerprint, gql, login, ok, type Session, type TeamsWorld, startTeamsWorld } from './harness.js';

let w: TeamsWorld;
let editor: Session;
let admin: Session;
let viewer: Session;

beforeAll(async () => {
  w = await startTeamsWorld();
  editor = await login(w.base, w.users.editor.email);
  admin = await login(w.base, w.users.admin.email);
  viewer = await login(w.base, w.users.viewer.email);
}, 240_000);
afterAll(async () => w?.stop());

const claimKey = (c: { articleId: number; extractionKey: string }) => `${c.articleId}:${c.extractionKey}`;

describe('claim corrections', () => {
  test('text, modality, chain, actors and review survive re-extraction; audit shows before and after', async () => {
    const claim = await w.db.claim.findFirstOrThrow({
      where: { workspaceId: w.alpha, attribution: { some: {} } },
      orderBy: { id: 'asc' },
    });
    const [actorA, actorB] = await w.db.actor.findMany({
      where: { workspaceId: w.alpha },
      orderBy: { id: 'asc' },
      take: 2,
    });
    const source = await w.db.source.findUniqueOrThrow({ where: { id: claim.sourceId } });
    const id = toGlobalId('Claim', claim.id);
    const corrected = await ok(
      w.url,
      asSession(editor),
      `mutation($id: ID!, $input: CorrectClaimInput!) { correctClaim(id: $id, input: $input) {
        ok { text modality attribution { kind label actor { id } } actors { role actor { id } } } } }`,
      {
        id,
        input: {
          text: 'Corrected: the ministry confirmed the figure',
          modality: 'CONFIRMED',
          attribution: [
            { kind: 'OUTLET', label: source.name, sourceId: toGlobalId('Source', source.id) },
            { kind: 'OFFICIAL', label: 'a ministry spokesperson', actorId: toGlobalId('Actor', actorA!.id) },
          ],
          actors: [{ actorId: toGlobalId('Actor', actorB!.id), role: 'SUBJECT' }],
        },
      },
    );
    expect(corrected.correctClaim.ok).toMatchObject({
      text: 'Corrected: the ministry confirmed the figure',
      modality: 'CONFIRMED',
    });
    await ok(
      w.url,
      asSession(editor),
      'mutation($id: ID!) { reviewClaim(id: $id, status: VERIFIED, note: "matches the ministry statement") { ok { reviewStatus } } }',
      { id },
    );

    const result = await reextractArticles(w.db, { workspaceId: w.alpha, all: true });
    expect(result.failed).toEqual([]);
    const after = await w.db.claim.findUniqueOrThrow({
      where: { articleId_extractionKey: { articleId: claim.articleId, extractionKey: claim.extractionKey } },
      include: { attribution: { orderBy: { position: 'asc' } }, actors: true },
    });
    expect(after.id).not.toBe(claim.id); // really re-extracted: new rows
    expect(after).toMatchObject({
      text: 'Corrected: the ministry confirmed the figure',
      modality: 'CONFIRMED',
      reviewStatus: 'VERIFIED',
      reviewNote: 'matches the ministry statement',
    });
    expect(after.attribution.map((a) => [a.kind, a.label, a.actorId])).toEqual([
      ['OUTLET', source.name, null],
      ['OFFICIAL', 'a ministry spokesperson', actorA!.id],
    ]);
    expect(after.actors.map((a) => [a.actorId, a.role])).toEqual([[actorB!.id, 'SUBJECT']]);
    // The untouched claims of other articles are the extractor's again.
    const log = await ok(
      w.url,
      asSession(admin),
      'query($e: String!) { auditLog(entityId: $e, first: 20) { entries { action before after user { email } } } }',
      { e: claimKey(claim) },
    );
    const entries = log.auditLog.entries as any[];
    expect(entries.map((e) => e.action).sort()).toEqual(
      [
        'claim.correct',
        'claim.correct',
        'claim.correct',
        'claim.correct',
        'claim.correct',
        'claim.correct',
        'claim.review',
      ].sort(),
    );
    const textEntry = entries.find((e) => e.action === 'claim.correct' && JSON.parse(e.after).text);
    expect(JSON.parse(textEntry.before)).toEqual({ text: claim.text });
    expect(textEntry.user.email).toBe('editor@alpha.example');
    expect((await gql(w.url, asSession(viewer), '{ auditLog { entries { action } } }')).codes).toEqual(['FORBIDDEN']);
  }, 120_000);

  test('bad input comes back as an error payload and writes nothing', async () => {
    const claim = await w.db.claim.findFirstOrThrow({ where: { workspaceId: w.alpha } });
    const before = await fingerprint(w.db);
    const r = await ok(
      w.url,
      asSession(editor),
      'mutation($id: ID!) { correctClaim(id: $id, input: { text: "   " }) { ok { id } error { code inputErrors { path message } } } }',
      {
        id: toGlobalId('Claim', claim.id),
      },
    ).catch((e: Error) => e.message);
    expect(r).toContain('INVALID_INPUT');
    expect(r).toContain('input.text');
    const chain = await ok(
      w.url,
      asSession(editor),
      'mutation($id: ID!, $a: ID!) { correctClaim(id: $id, input: { text: "ok text", actors: [{ actorId: $a, role: SUBJECT }] }) { error { code } } }',
      {
        id: toGlobalId('Claim', claim.id),
        a: toGlobalId('Actor', 999_999),
      },
    ).catch((e: Error) => e.message);
    expect(chain).toContain('NOT_FOUND');
    expect(await fingerprint(w.db)).toBe(before); // the text change of the same call was rolled back too
  });
});

describe('actors and events', () => {
  test('merging actors moves aliases and claims; the merged actor is gone; audited', async () => {
    const actors = await w.db.actor.findMany({
      where: { workspaceId: w.alpha, claims: { some: {} } },
      include: { aliases: true, claims: true },
      orderBy: { id: 'asc' },
      take: 2,
    });
    const [into, from] = actors as [(typeof actors)[0], (typeof actors)[0]];
    const fromClaims = new Set(from.claims.map((c) => c.claimId));
    const r = await ok(
      w.url,
      asSession(editor),
      'mutation($into: ID!, $ids: [ID!]!) { mergeActors(into: $into, actorIds: $ids) { ok { id aliases { alias } } } }',
      {
        into: toGlobalId('Actor', into.id),
        ids: [toGlobalId('Actor', from.id)],
      },
    );
    const aliases = r.mergeActors.ok.aliases.map((a: { alias: string }) => a.alias);
    for (const a of from.aliases) expect(aliases.map((x: string) => x.toLowerCase())).toContain(a.alias.toLowerCase());
    const links = await w.db.claimActor.findMany({ where: { actorId: into.id } });
    for (const c of fromClaims) expect(links.some((l) => l.claimId === c)).toBe(true);
    expect(await w.db.actor.findUnique({ where: { id: from.id } })).toBeNull();
    expect(
      (
        await gql(w.url, asSession(viewer), 'query($id: ID!) { actor(id: $id) { id } }', {
          id: toGlobalId('Actor', from.id),
        })
      ).codes,
    ).toEqual(['NOT_FOUND']);
    const log = await ok(
      w.url,
      asSession(admin),
      'query($e: String!) { auditLog(entityType: "Actor", entityId: $e) { entries { action before } } }',
      { e: String(into.id) },
    );
    expect(log.auditLog.entries[0].action).toBe('actor.merge');
    expect(JSON.parse(log.auditLog.entries[0].before).actors.map((a: { id: number }) => a.id)).toEqual([
      into.id,
      from.id,
    ]);
  });

  test('splitting an actor moves the named aliases and claims to a new actor', async () => {
    const actor = await w.db.actor.findFirstOrThrow({
      where: { workspaceId: w.alpha, aliases: { some: { kind: 'VARIANT' } }, claims: { some: {} } },
      include: { aliases: true, claims: true },
    });
    const moving = actor.aliases.find((a) => a.kind === 'VARIANT')!;
    const claimId = actor.claims[0]!.claimId;
    const r = await ok(
      w.url,
      asSession(editor),
      'mutation($id: ID!, $input: SplitActorInput!) { splitActor(id: $id, input: $input) { ok { databaseId canonicalName aliases { alias } } } }',
      {
        id: toGlobalId('Actor', actor.id),
        input: {
          canonicalName: 'Someone Else Entirely',
          aliases: [moving.alias],
          claimIds: [toGlobalId('Claim', claimId)],
        },
      },
    );
    const created = r.splitActor.ok;
    expect(created.aliases.map((a: { alias: string }) => a.alias).sort()).toEqual(
      [moving.alias, 'Someone Else Entirely'].sort(),
    );
    expect(await w.db.claimActor.count({ where: { actorId: created.databaseId, claimId } })).toBeGreaterThan(0);
    expect(await w.db.actorAlias.count({ where: { actorId: actor.id, id: moving.id } })).toBe(0);
  });

  test('merging and splitting events moves claims, mentions and participants; merges survive re-extraction', async () => {
    const events = await w.db.event.findMany({
      where: { workspaceId: w.alpha, claims: { some: {} } },
      include: { claims: true },
      orderBy: { id: 'asc' },
      take: 2,
    });
    const [into, from] = events as [(typeof events)[0], (typeof events)[0]];
    await ok(
      w.url,
      asSession(editor),
      'mutation($into: ID!, $ids: [ID!]!) { mergeEvents(into: $into, eventIds: $ids) { ok { id } } }',
      {
        into: toGlobalId('Event', into.id),
        ids: [toGlobalId('Event', from.id)],
      },
    );
    const moved = from.claims.map((c) => ({ articleId: c.articleId, extractionKey: c.extractionKey }));
    expect(await w.db.event.findUnique({ where: { id: from.id } })).toBeNull();
    await reextractArticles(w.db, { workspaceId: w.alpha, all: true });
    for (const k of moved) {
      const c = await w.db.claim.findUnique({ where: { articleId_extractionKey: k } });
      if (c) expect(c.eventId).toBe(into.id);
    }
    const onInto = await w.db.claim.findMany({ where: { eventId: into.id } });
    expect(onInto.length).toBeGreaterThan(1);
    const split = await ok(
      w.url,
      asSession(editor),
      'mutation($id: ID!, $c: [ID!]!) { splitEvent(id: $id, input: { claimIds: $c, summary: "A separate incident" }) { ok { databaseId summary } } }',
      {
        id: toGlobalId('Event', into.id),
        c: [toGlobalId('Claim', onInto[0]!.id)],
      },
    );
    expect(split.splitEvent.ok.summary).toBe('A separate incident');
    expect((await w.db.claim.findUniqueOrThrow({ where: { id: onInto[0]!.id } })).eventId).toBe(
      split.splitEvent.ok.databaseId,
    );
  }, 120_000);
});

describe('outlet labels', () => {
  test('add, change and retire a workspace label with provenance; shared labels are read-only', async () => {
    const source = await w.db.source.findFirstOrThrow({
      where: { labels: { some: { workspaceId: null } } },
      include: { labels: { where: { workspaceId: null } } },
    });
    const added = await ok(
      w.url,
      asSession(editor),
      'mutation($s: ID!) { addLabel(input: { sourceId: $s, scheme: "lean", value: "center", url: "https://example.org/rating", note: "team rating" }) { ok { id rater url shared } } }',
      {
        s: toGlobalId('Source', source.id),
      },
    );
    expect(added.addLabel.ok).toMatchObject({
      rater: 'editor@alpha.example',
      url: 'https://example.org/rating',
      shared: false,
    });
    const changed = await ok(
      w.url,
      asSession(editor),
      'mutation($id: ID!) { changeLabel(id: $id, input: { value: "lean-left", rater: "Team review 2026" }) { ok { value rater } } }',
      { id: added.addLabel.ok.id },
    );
    expect(changed.changeLabel.ok).toEqual({ value: 'lean-left', rater: 'Team review 2026' });
    await ok(
      w.url,
      asSession(editor),
      'mutation($id: ID!) { retireLabel(id: $id, note: "superseded") { ok { id } } }',
      { id: added.addLabel.ok.id },
    );
    const row = await w.db.biasLabel.findUniqueOrThrow({
      where: { id: Number(Buffer.from(added.addLabel.ok.id, 'base64').toString().split(':')[1]) },
    });
    expect(row.retiredAt).not.toBeNull();
    const shared = await ok(
      w.url,
      asSession(editor),
      'mutation($id: ID!) { changeLabel(id: $id, input: { value: "x" }) { error { code } } }',
      {
        id: toGlobalId('BiasLabel', source.labels[0]!.id),
      },
    ).catch((e: Error) => e.message);
    expect(shared).toContain('READ_ONLY');
    const log = await ok(
      w.url,
      asSession(admin),
      '{ auditLog(entityType: "BiasLabel", first: 10) { entries { action before after } } }',
    );
    expect(log.auditLog.entries.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      'label.retire',
      'label.change',
      'label.add',
    ]);
    expect(JSON.parse(log.auditLog.entries[1].before).value).toBe('center');
    expect(JSON.parse(log.auditLog.entries[1].after).value).toBe('lean-left');
  });
});
