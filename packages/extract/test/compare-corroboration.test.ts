// Corroborations a researcher can trust (issue 14): two claims of one news week that share its words and
// its parties say different things unless they are about the same people; compare()'s clusters do not
// depend on the order of its input.
import type { ComparableClaim } from '@claimgraph/shared';
import fc from 'fast-check';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compare } from '../src/index.js';
import { claim } from './compare-helpers.js';
import { loadPairs } from './eval-pairs.js';

const corroborations = (claims: ComparableClaim[]) =>
  compare(claims).relations.filter((r) => r.kind === 'CORROBORATES').length;

describe('the same assertion', () => {
  it('claims of one news week sharing its words and only its parties are two statements', () => {
    const a = claim(
      'wt1',
      'President Trump and Republican leaders in Congress tamped down a conservative rebellion and pushed a stopgap spending bill through the House.',
      { actors: ['Donald Trump', 'Republican Party', 'U.S. House of Representatives'], published: '2018-01-18' },
    );
    const b = claim(
      'wt2',
      'Republican leaders saw a chance to flip the script that for decades has given them the blame for shutdown showdowns over a spending bill.',
      { actors: ['Republican Party'], published: '2018-01-17' },
    );
    expect(corroborations([a, b])).toBe(0);
  });
  it('what two different people are said to have said are two statements, unless the words match closely', () => {
    const opts = (actors: string[]) => ({ actors, published: '2021-06-08' });
    const a = claim(
      's1',
      "We're already seeing outlandish calls to defund the police take root on the left, Senate Majority Leader Tom Hale said on Monday.",
      opts(['Tom Hale', 'U.S. Senate']),
    );
    const b = claim(
      's2',
      'Senate Democratic leader Ann Cole said on Monday that Democrats will fight to pass the police reform bill, appealing directly to Senate Majority Leader Tom Hale.',
      opts(['Ann Cole', 'Tom Hale', 'U.S. Senate']),
    );
    expect(corroborations([a, b])).toBe(0);
    const c = claim(
      's3',
      'The Senate will vote on the police bill next week, Senate Majority Leader Tom Hale told reporters on Monday.',
      opts(['Tom Hale', 'U.S. Senate']),
    );
    const e = claim(
      's5',
      'Calls to defund the police are taking root on the left, Senate Majority Leader Tom Hale warned on Monday.',
      opts(['Tom Hale', 'U.S. Senate']),
    );
    expect(corroborations([a, e])).toBe(1);
    const d = claim(
      's4',
      'Senate Majority Whip Ann Cole said the Senate will vote on the police bill next week.',
      opts(['Ann Cole', 'U.S. Senate']),
    );
    expect(corroborations([c, d])).toBe(1);
  });
  it('the same loose words about the same people are one statement', () => {
    const a = claim(
      'pv1',
      'Project Veritas published an article claiming a CBS News crew pulled medical staff to line up in their cars for its COVID-19 coverage.',
      { actors: ['Project Veritas', 'CBS News'], published: '2020-05-07' },
    );
    const b = claim(
      'pv2',
      'A CBS News crew took medical staff away from their duties and got them to line up in their cars, Project Veritas said.',
      { actors: ['Project Veritas', 'CBS News'], published: '2020-05-07' },
    );
    expect(corroborations([a, b])).toBe(1);
  });
});

describe('two people given one description', () => {
  it('the same words about two people named after the same description are two statements', () => {
    const a = claim(
      'pr1',
      'The rebels released a video on Saturday showing the release of a Danish aid worker, Ann Roe, 44.',
      {
        actors: ['Ann Roe'],
        published: '2021-03-02',
      },
    );
    const b = claim(
      'pr2',
      'The rebels released a video on Saturday showing the release of Danish aid worker Bo Lind, 51.',
      {
        actors: ['Bo Lind'],
        published: '2021-03-04',
      },
    );
    expect(corroborations([a, b])).toBe(0);
    const c = claim(
      'pr3',
      'The rebels released a video on Saturday showing the release of Danish aid worker Ann Roe.',
      {
        actors: ['Ann Roe'],
        published: '2021-03-04',
      },
    );
    expect(corroborations([a, c])).toBe(1);
  });
});

describe('a caption', () => {
  it('a name with its title, no word in lower case, corroborates nothing', () => {
    const opts = { actors: ['Ann Roe'], published: '2021-03-02' };
    const said = claim(
      'cp1',
      'Harbor Commission Chair Ann Roe of Portville, a Green Party member, opposed the dredging plan.',
      opts,
    );
    const caption = claim('cp2', 'Harbor Commission Chair Ann Roe, Portville Green Party Member.', opts);
    expect(corroborations([said, caption])).toBe(0);
    const same = claim(
      'cp3',
      'Harbor Commission Chair Ann Roe of Portville, a Green Party member, said she opposed the dredging plan.',
      opts,
    );
    expect(corroborations([said, same])).toBe(1);
  });
});

describe('a denial and an affirmation', () => {
  const day = { actors: ['Harbor Authority'], published: '2021-03-02' };
  it('a claim denying what the other asserts does not corroborate it; two denials do', () => {
    const denial = claim(
      'hb1',
      'The Harbor Authority denied that it padded the dredging costs it reported to the city council.',
      day,
    );
    const finding = claim(
      'hb2',
      'The Harbor Authority padded the dredging costs it reported to the city council, an audit found.',
      day,
    );
    const verdict = claim(
      'hb3',
      'Claims that the Harbor Authority padded the dredging costs it reported to the city council are false.',
      day,
    );
    expect(corroborations([denial, finding])).toBe(0);
    expect(corroborations([finding, verdict])).toBe(0);
    const other = claim(
      'hb4',
      'The Harbor Authority denied padding the dredging costs reported to the city council.',
      day,
    );
    expect(corroborations([denial, other])).toBe(1);
  });
  it('a denial of something else in the claim does not stop it', () => {
    const a = claim(
      'wm1',
      'A burst water main flooded the subway tunnels on Monday, after a call in which the utility denied any knowledge of the outage.',
      { actors: ['Metro Transit'], published: '2021-03-02' },
    );
    const b = claim('wm2', 'A burst water main flooded the subway tunnels on Monday, Metro Transit said.', {
      actors: ['Metro Transit'],
      published: '2021-03-02',
    });
    expect(corroborations([a, b])).toBe(1);
  });
});

describe("compare()'s clusters", () => {
  it('are the same for any order of its input (real corpus articles)', () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), '../eval/corpus-pairs');
    const { rows, context } = loadPairs(dir)!;
    // The articles of the pairs of two news weeks: several clusters, and claims compared across them.
    const weeks = [...new Set(rows.filter((r) => r.source === 'cluster').map((r) => r.week))].slice(0, 2);
    const ids = new Set(
      rows
        .filter((r) => weeks.includes(r.week))
        .flatMap((r) => [r.a.claimId, r.b.claimId].map((c) => c.slice(0, c.indexOf('#')))),
    );
    const claims: ComparableClaim[] = [...ids].flatMap((id) => {
      const a = context.get(id)!;
      return a.claims.map((c) =>
        claim(a.articleId, c.text, { actors: c.actorNames, published: a.published, event: c.event, slots: c.slots }),
      );
    });
    const canonical = (cs: ComparableClaim[]) =>
      compare(cs)
        .clusters.map((g) =>
          g
            .map((id) => cs.find((c) => c.id === id)!.claim.text)
            .sort()
            .join('\n'),
        )
        .sort();
    const expected = canonical(claims);
    expect(expected.length).toBeGreaterThan(1);
    fc.assert(
      fc.property(fc.shuffledSubarray(claims, { minLength: claims.length }), (shuffled) => {
        expect(canonical(shuffled)).toEqual(expected);
      }),
      { numRuns: 15, seed: 14 },
    );
    // 16 runs of compare() over two news weeks' claims: ~3 s alone, over 5 s on a loaded 2-core machine.
  }, 30_000);
});
