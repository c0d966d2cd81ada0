/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// Corroboration is cluster membership: Claim.related lists the other articles' claims of a claim's cluster as
// CORROBORATES (each with the reason it joined), after its stored relations, and never a claim it contradicts.
// Own database: it adds a cluster to the scenario.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { toGlobalId } from '../src/ids.js';
import { data } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  // CGTN's two strike claims with both American Military News ones; AMN's two-missile claim contradicts CGTN's four.
  const s = api.scenario;
  const strike = await api.db.claimCluster.create({
    data: { workspaceId: s.workspaceId, summary: 'The US tracked Soleimani with outside help' },
  });
  for (const [claim, reason] of [
    [s.claims.israelHelped, 'same statement (helped track)'],
    [s.claims.fourMissiles, 'same statement (drones, missiles)'],
    [s.claims.informants, 'same statement (informants helped)'],
    [s.claims.twoMissiles, 'same statement (drone, missiles)'],
  ] as const) {
    await api.db.claim.update({ where: { id: claim.id }, data: { clusterId: strike.id, clusterReason: reason } });
  }
});
afterAll(async () => api?.stop());

const RELATED = `query($id: ID!, $kinds: [RelationKind!]) { claim(id: $id) { related(kinds: $kinds) { kind reason slot value otherValue relation { kind } claim { text source { name } } } } }`;
const related = async (claim: { id: number }, kinds?: string[]) =>
  (await data(api.url, RELATED, { id: toGlobalId('Claim', claim.id), kinds })).claim.related;

test('the other articles’ claims of the cluster corroborate, each with why it joined, without a stored relation', async () => {
  const s = api.scenario;
  expect(await related(s.claims.israelHelped)).toEqual([
    {
      kind: 'CORROBORATES',
      reason: 'same statement (informants helped)',
      slot: '',
      value: null,
      otherValue: null,
      relation: null,
      claim: { text: s.claims.informants.text, source: { name: 'American Military News' } },
    },
    {
      kind: 'CORROBORATES',
      reason: 'same statement (drone, missiles)',
      slot: '',
      value: null,
      otherValue: null,
      relation: null,
      claim: { text: s.claims.twoMissiles.text, source: { name: 'American Military News' } },
    },
  ]);
});

test('a contradiction stays a pair: the contradicting claim of the same cluster is listed once, as CONTRADICTS', async () => {
  const s = api.scenario;
  const r = await related(s.claims.fourMissiles);
  expect(r.map((x: any) => [x.kind, x.claim.text, x.relation?.kind ?? null, x.slot, x.value, x.otherValue])).toEqual([
    ['CONTRADICTS', s.claims.twoMissiles.text, 'CONTRADICTS', 'count', '4', '2'],
    ['CORROBORATES', s.claims.informants.text, null, '', null, null],
  ]);
  expect((await related(s.claims.fourMissiles, ['CORROBORATES'])).map((x: any) => x.claim.text)).toEqual([
    s.claims.informants.text,
  ]);
  expect((await related(s.claims.fourMissiles, ['CONTRADICTS'])).map((x: any) => x.claim.text)).toEqual([
    s.claims.twoMissiles.text,
  ]);
});

test('a claim outside any cluster corroborates nothing; a SAME_AS pair of one cluster is listed once, as SAME_AS', async () => {
  const s = api.scenario;
  expect(await related(s.claims.hellfire)).toEqual([]);
  expect((await related(s.claims.tojCoord)).map((x: any) => [x.kind, x.claim.text])).toEqual([
    ['SAME_AS', s.claims.pressCoord.text],
  ]);
});
