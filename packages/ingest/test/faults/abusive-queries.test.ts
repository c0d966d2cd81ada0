// Abusive operations (depth 50, first: 99999999, 1,000 aliases, a batch of 100, a 1 MB document, the
// article{claims{article{body}}} amplification) sent without pause while normal traffic runs: each is
// refused before it executes (no `data`), and normal traffic's p99 stays within 1.5x of its p99 without
// the attack, measured in the same run (alternating rounds, so the machine's drift falls on both sides).
import { describe, expect, it } from 'vitest';
import { drive, normalMix, percentile, post, sampleDatabase, startApiProcess, type Answer } from './api-load.js';
import { recordFault } from './record.js';

const ROUNDS = 3;
const ROUND_MS = 8_000;
const NORMAL_CLIENTS = 8;
const ATTACKERS = 2;
const database = sampleDatabase(30);

const nested = (levels: number) =>
  `{ claims(first: 1) { edges { node { ${'article { claims(first: 1) { '.repeat(levels)}id${' } }'.repeat(levels)} } } } }`;
/** Each abusive body and the code that must refuse it. */
const ABUSIVE: { name: string; body: string; code: string }[] = [
  { name: 'depth 50', body: JSON.stringify({ query: nested(24) }), code: 'QUERY_TOO_DEEP' },
  {
    name: 'first: 99999999',
    body: JSON.stringify({ query: '{ claims(first: 99999999) { edges { node { text article { body } } } } }' }),
    code: 'BAD_USER_INPUT',
  },
  {
    name: '1,000 aliases',
    body: JSON.stringify({
      query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: claims { totalCount }`).join(' ')} }`,
    }),
    code: 'TOO_MANY_ALIASES',
  },
  {
    name: 'batch of 100',
    body: JSON.stringify(Array.from({ length: 100 }, () => ({ query: '{ claims(first: 100) { totalCount } }' }))),
    code: 'BAD_REQUEST',
  },
  {
    name: '1 MB document',
    body: JSON.stringify({ query: `{ ${'__typename '.repeat(95_000)}}` }),
    code: 'GRAPHQL_PARSE_FAILED',
  },
  {
    name: 'article{claims{article{body}}}',
    body: JSON.stringify({
      query: '{ articles(first: 100) { edges { node { claims(first: 500) { article { body } } } } } }',
    }),
    code: 'QUERY_TOO_COSTLY',
  },
];

describe('abusive queries under normal load', () => {
  it('refuses each before execution and keeps normal p99 within 1.5x of its baseline', async () => {
    const { api, graphql } = await startApiProcess(database().url);
    const mix = await normalMix(graphql);
    for (const body of mix) expect((await post(graphql, body)).code, body).toBeUndefined();
    const normalNext = (c: number, k: number) => mix[(c + k) % mix.length]!;
    const baseline: Answer[] = [];
    const underAttack: Answer[] = [];
    const attacks: { name: string; code: string; answer: Answer }[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      baseline.push(...(await drive(graphql, NORMAL_CLIENTS, ROUND_MS, normalNext)));
      let attacking = true;
      const attackers = Array.from({ length: ATTACKERS }, async (_, c) => {
        for (let k = c; attacking; k++) {
          const a = ABUSIVE[k % ABUSIVE.length]!;
          attacks.push({ name: a.name, code: a.code, answer: await post(graphql, a.body) });
        }
      });
      underAttack.push(...(await drive(graphql, NORMAL_CLIENTS, ROUND_MS, normalNext)));
      attacking = false;
      await Promise.all(attackers);
    }
    const p = (xs: Answer[], q: number) =>
      percentile(
        xs.map((a) => a.ms),
        q,
      );
    const ratio = p(underAttack, 99) / p(baseline, 99);
    const wrong = attacks.filter((a) => a.answer.code !== a.code || a.answer.data || a.answer.status >= 500);
    const normalErrors = [...baseline, ...underAttack].filter((a) => a.status !== 200 || a.code);
    const perKind = ABUSIVE.map(
      (a) =>
        `${a.name} ${attacks.filter((x) => x.name === a.name).length}x ${a.code} (p50 ${percentile(
          attacks.filter((x) => x.name === a.name).map((x) => x.answer.ms),
          50,
        ).toFixed(0)} ms)`,
    ).join(', ');
    await recordFault({
      fault: `abusive operations from ${ATTACKERS} clients without pause while ${NORMAL_CLIENTS} clients send the dashboard's query mix (${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s without and with the attack; \`abusive-queries.test.ts\`)`,
      expected: 'each refused before execution (no data, not 5xx); normal p99 within 1.5x of its baseline',
      observed: `${attacks.length} abusive requests, ${wrong.length} not refused as expected: ${perKind}; normal traffic: ${baseline.length} requests without the attack (p50 ${p(baseline, 50).toFixed(0)} ms, p99 ${p(baseline, 99).toFixed(0)} ms), ${underAttack.length} with it (p50 ${p(underAttack, 50).toFixed(0)} ms, p99 ${p(underAttack, 99).toFixed(0)} ms): p99 ratio ${ratio.toFixed(2)}; ${normalErrors.length} normal requests failed`,
    });
    expect(wrong.map((w) => `${w.name}: ${w.answer.status} ${w.answer.code}`)).toEqual([]);
    expect(ABUSIVE.every((a) => attacks.some((x) => x.name === a.name))).toBe(true);
    expect(normalErrors.length).toBe(0);
    expect(ratio).toBeLessThanOrEqual(1.5);
    api.child.kill('SIGTERM');
    expect((await api.exited).code).toBe(0);
  });
});
