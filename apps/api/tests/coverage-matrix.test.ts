/* eslint-disable @typescript-eslint/no-explicit-any -- responses of ad-hoc GraphQL documents are checked by value, not typed */
// coverageMatrix: the largest clusters for a filter × bias labels. Own database: it adds a cluster to the scenario.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { data, errorCodes } from './testkit/client.js';
import { startTestApi, type TestApi } from './testkit/api.js';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
  // A second cluster on the Soleimani strike: carried by CGTN (2 claims) and American Military News; StreamNews
  // reported the strike but carries none of it. The scenario's coordination cluster has 2 claims.
  const s = api.scenario;
  const strike = await api.db.claimCluster.create({
    data: { workspaceId: s.workspaceId, summary: 'The US tracked Soleimani with outside help' },
  });
  await api.db.claim.updateMany({
    where: { id: { in: [s.claims.israelHelped.id, s.claims.fourMissiles.id, s.claims.informants.id] } },
    data: { clusterId: strike.id },
  });
});
afterAll(async () => api?.stop());

const MATRIX = /* GraphQL */ `
  query($filter: ClaimFilter, $clusters: Int, $scheme: String) { coverageMatrix(filter: $filter, clusters: $clusters, labelScheme: $scheme) {
    labels { scheme value }
    rows { claimCount cluster { summary } cells { scheme value carriers silent } }
  } }`;

const cells = (row: any) =>
  Object.fromEntries(row.cells.map((c: any) => [`${c.scheme}:${c.value}`, [c.carriers, c.silent]]));

test('largest clusters first, with carriers and silent outlets counted per label', async () => {
  const r = (await data(api.url, MATRIX, {})).coverageMatrix;
  expect(r.rows.map((row: any) => [row.cluster.summary, row.claimCount])).toEqual([
    ['The US tracked Soleimani with outside help', 3],
    ['Israel coordinates its Syria strikes with the US', 2],
  ]);
  expect(cells(r.rows[0])).toEqual({
    'state-affiliated:China': [1, 0],
    'ownership:state': [1, 0],
    'lean:right': [1, 0],
    // StreamNews reported the strike and carries none of the cluster; its workspace label is visible here.
    'lean:unrated': [0, 1],
    'reliability:low': [0, 1],
  });
  expect(cells(r.rows[1])).toEqual({
    'lean:right': [1, 0],
    'alignment:pro-Israel': [1, 0],
    'state-affiliated:Iran': [1, 0],
    'ownership:state': [1, 0],
  });
  const labelKeys = r.labels.map((l: any) => `${l.scheme}:${l.value}`);
  expect(new Set(labelKeys)).toEqual(new Set([...Object.keys(cells(r.rows[0])), ...Object.keys(cells(r.rows[1]))]));
  expect(labelKeys).toHaveLength(new Set(labelKeys).size);
});

test('the filter decides which clusters are largest; clusters and labelScheme narrow the result', async () => {
  // Claims about Israel: both coordination claims, but only one claim of the strike cluster.
  const israel = (await data(api.url, MATRIX, { filter: { actorNames: ['Israel'] }, clusters: 1 })).coverageMatrix;
  expect(israel.rows.map((row: any) => [row.cluster.summary, row.claimCount])).toEqual([
    ['Israel coordinates its Syria strikes with the US', 2],
  ]);
  const lean = (await data(api.url, MATRIX, { scheme: 'LEAN' })).coverageMatrix;
  expect(lean.labels.map((l: any) => `${l.scheme}:${l.value}`).sort()).toEqual(['lean:right', 'lean:unrated']);
  expect(lean.rows.flatMap((row: any) => row.cells.map((c: any) => c.scheme))).toEqual(['lean', 'lean', 'lean']);
  const none = (await data(api.url, MATRIX, { filter: { text: 'no claim says this xyzzy' } })).coverageMatrix;
  expect(none).toEqual({ labels: [], rows: [] });
  expect((await errorCodes(api.url, MATRIX, { clusters: 0 })).codes).toEqual(['BAD_USER_INPUT']);
});
