// Cross-article links: quantities as intervals, count slots (what is counted and what happened to it),
// and the gates that keep two claims apart unless they can be about one happening.
import type { ComparableClaim, EventType } from '@claimgraph/shared';
import { describe, expect, it } from 'vitest';
import { happening, whenOf } from '../src/compare/happening.js';
import { countsDisjoint, disjoint, interval } from '../src/compare/quantity.js';
import { compare, extract, toComparable } from '../src/index.js';
import { claim, slotsOf } from './compare-helpers.js';

const show = (text: string) => slotsOf(text).map((s) => `${s.slot}:${s.subject}=${s.value}`);
const kinds = (claims: ComparableClaim[]) => compare(claims).relations.map((r) => `${r.kind} ${r.slot}`.trim());

const contra = (cs: ComparableClaim[]) =>
  compare(cs)
    .relations.filter((x) => x.kind === 'CONTRADICTS')
    .map((x) => [x.fromValue, x.toValue].sort());

describe('quantities as intervals', () => {
  const conflict = (a: string, b: string) => disjoint(interval(a)!, interval(b)!);
  it('hedges are bounds: "at least 25" agrees with 25, "nearly 24" does not', () => {
    expect(conflict('at least 25', '25')).toBe(false);
    expect(conflict('at least 23', '23')).toBe(false);
    expect(conflict('nearly 24', '25')).toBe(true);
    expect(conflict('nearly 24', 'at least 25')).toBe(true);
    expect(conflict('more than 12', '12')).toBe(true);
    expect(conflict('about 20', '22')).toBe(false);
  });
  it('exact numbers differ, ranges and round numbers are read as ranges', () => {
    expect(conflict('147', '146')).toBe(true);
    expect(conflict('22', '15')).toBe(true);
    expect(conflict('5 to 7', '11')).toBe(true);
    expect(conflict('5 to 7', '6')).toBe(false);
    expect(conflict('100', '105')).toBe(false);
  });
  it('an approximate count is as loose as its rounding, and a bare count against it is read as written', () => {
    expect(countsDisjoint('some 850', '950')).toBe(true);
    expect(countsDisjoint('about 850', '900')).toBe(false);
    expect(countsDisjoint('about 30', '22')).toBe(true);
    expect(countsDisjoint('about 30', '34')).toBe(false);
    expect(countsDisjoint('about 7', '6')).toBe(false);
    expect(countsDisjoint('about 1000', '1200')).toBe(false);
    // Only an approximation reads the other side as written: "more than 1,000" vs "1,000" is a writer's rounding.
    expect(countsDisjoint('more than 1000', '1000')).toBe(false);
    expect(countsDisjoint('950', '900')).toBe(false);
  });
  it('lengths are compared in one unit; what is no quantity reads as null', () => {
    expect(conflict('about 1 mile', '6 mile')).toBe(true);
    expect(conflict('about 1 mile', '1.5 km')).toBe(false);
    expect(interval('deputy head')).toBeNull();
    expect(interval('3 parsecs')).toBeNull();
  });
});

describe('count slots: what is counted and what happened to it', () => {
  it('killed and wounded are two slots, whichever way the sentence counts', () => {
    expect(show('Two explosions near the embassy have killed 23 people and injured 146, officials said.')).toEqual(
      expect.arrayContaining(['count:people killed=23', 'count:people wounded=146']),
    );
    expect(show('The ministry said at least 23 people were killed and 147 wounded.')).toEqual([
      'count:people killed=at least 23',
      'count:people wounded=147',
    ]);
    expect(show('The death toll rose to 57.')).toEqual(['count:people killed=57']);
  });
  it('"the number of X ... at/to N" counts X', () => {
    expect(show('Officials put the number of people on board the ferry at 640.')).toEqual(['count:people aboard=640']);
    expect(
      show(
        'One survivor has put the number of people on board the old fishing boat when it sank off the coast at 950.',
      ),
    ).toEqual(['count:people aboard=950']);
    expect(show('The number of dead rose to 31, the ministry said.')).toEqual(['count:people killed=31']);
    expect(show('The number of drones launched at the base stood at 14.')).toEqual(['count:drone=14']);
    expect(show('A number of officials met at 10.')).toEqual([]);
  });
  it('people on board are a count of their own', () => {
    expect(show('The ferry left port on Saturday with some 850 people on board.')).toEqual([
      'count:people aboard=some 850',
    ]);
    expect(show('The plane had 162 passengers aboard when it went down.')).toEqual(['count:people aboard=162']);
    expect(show('The boat carried 40 people to the island.')).toEqual(['count:people=40']);
  });
  it('people of any title are one kind of thing counted; the hedge stays in the value', () => {
    expect(show('nearly two dozen White House aides were given security clearances')).toEqual([
      'count:people=nearly 24',
    ]);
    expect(show('a list of at least 25 officials who were initially denied')).toEqual(['count:people=at least 25']);
    expect(show('five to seven people were killed in the attack')).toEqual(['count:people killed=5 to 7']);
  });
  it('years, dates, clock times, ages, money, shares, scores and parts of a set are no counts', () => {
    for (const t of [
      'In 2016 the plan failed.',
      "based on Newbold's March 23 private interview",
      'At 07:47, the drone struck.',
      'an 18-year government employee',
      'tariffs on $200 billion of goods',
      'support fell 20 percent',
      'he won by 42 points',
      'they include two current senior White House officials',
      'the soldiers killed 25 of the 40 fighters',
    ])
      expect(show(t).filter((s) => s.startsWith('count'))).toEqual([]);
    expect(show('12,000 people marched')).toEqual(['count:people=12000']);
  });
  it('what happened to things counted: fired and intercepted drones are two slots', () => {
    expect(show('its forces had launched three drones at the facility')).toEqual(['count:drone fired=3']);
    expect(show('the coalition said it had destroyed two explosive-laden drones')).toEqual([
      'count:drone intercepted=2',
    ]);
    expect(show('a drone firing two missiles; another missile hit the car')).toEqual(['count:missile fired=3']);
  });
  it('distances from a place, and how an attacker came', () => {
    expect(show('dropped commandos about a mile from the village where he was held')).toEqual([
      'distance:distance from village=about 1 mile',
    ]);
    expect(show('forces landed six miles away from the village')).toEqual(['distance:distance from village=6 mile']);
    expect(show('two suicide bombers, one on foot, one in a car, detonated')).toEqual([
      'count:bomber=2',
      'means:attacker=foot',
      'means:attacker=car',
    ]);
    expect(show('one on foot went to the market')).toEqual([]);
  });
});

describe('time decides what can be one happening', () => {
  const w = (published: string | null, event: { type: EventType; date: string | null } | null = null) =>
    whenOf({ id: '', articleId: '', outlet: '', claim: null as never, actorNames: [], event, published });
  it('articles published more than 30 days apart are different happenings unless one dated event joins them', () => {
    expect(happening(w('2019-01-01'), w('2019-03-01'))).toBe('different');
    expect(
      happening(
        w('2019-01-01', { type: 'STRIKE', date: '2018-12-30' }),
        w('2019-03-01', { type: 'KILLING', date: '2018-12-30' }),
      ),
    ).toBe('same');
    expect(happening(w('2019-01-01'), w('2019-01-20'))).toBe('open');
    expect(happening(w(null), w('2019-01-20'))).toBe('open');
  });
  it('events dated days apart, or of different kinds, are different happenings', () => {
    expect(
      happening(w(null, { type: 'STRIKE', date: '2020-01-03' }), w(null, { type: 'STRIKE', date: '2020-01-08' })),
    ).toBe('different');
    expect(happening(w(null, { type: 'MEETING', date: null }), w(null, { type: 'STRIKE', date: null }))).toBe(
      'different',
    );
    expect(happening(w(null, { type: 'MEETING', date: null }), w(null, { type: 'STRIKE', date: null }), false)).toBe(
      'open',
    );
    expect(
      happening(w(null, { type: 'STATEMENT', date: '2020-01-01' }), w(null, { type: 'STRIKE', date: '2020-01-09' })),
    ).toBe('open');
  });
});

describe('compare(): contradictions need one happening, one slot and values that cannot both be true', () => {
  const day = { published: '2019-04-01' };
  it('"nearly two dozen" vs 25 people given clearances: a contradiction; "at least 25" vs 25: none', () => {
    const a = claim(
      'dc',
      'Nearly two dozen White House aides were given security clearances despite initially being denied.',
      { actors: ['White House'], ...day },
    );
    const b = claim('vice', 'The White House issued security clearances to 25 people who had initially been denied.', {
      actors: ['White House'],
      ...day,
    });
    const c = claim(
      'ap',
      'She compiled a list of at least 25 officials who were initially denied security clearances.',
      { actors: ['White House'], ...day },
    );
    const r = compare([a, b, c]).relations.filter((x) => x.kind === 'CONTRADICTS');
    expect(r.map((x) => [x.fromValue, x.toValue].sort())).toEqual([
      ['25', 'nearly 24'],
      ['at least 25', 'nearly 24'],
    ]);
  });
  it('"put the number of people on board at 640" vs "at 480": a contradiction; vs "at nearly 700": none', () => {
    const told = (id: string, who: string, n: string) =>
      claim(id, `${who} put the number of people on board at ${n} when the ferry sank.`, {
        actors: ['Aegean Star'],
        ...day,
      });
    const a = told('x', 'Officials', '640');
    expect(contra([a, told('y', 'The coast guard', '480')])).toEqual([['480', '640']]);
    expect(contra([a, told('z', 'The coast guard', 'nearly 700')])).toEqual([]);
  });
  it('"some 850 people on board" vs "the number of people on board ... at 950": a contradiction; vs 900: none', () => {
    const a = claim('x', 'The ferry left Piraeus on Saturday with some 850 people on board, the coast guard said.', {
      actors: ['Aegean Star'],
      ...day,
    });
    const told = (id: string, n: string) =>
      claim(id, `A survivor put the number of people on board the Aegean Star when it sank near the island at ${n}.`, {
        actors: ['Aegean Star'],
        ...day,
      });
    expect(contra([a, told('y', '950')])).toEqual([['950', 'some 850']]);
    expect(contra([a, told('z', '900')])).toEqual([]);
  });
  it('people aboard one craft: two angles on one sinking (articles of one topic, not one story) still conflict', () => {
    // Each article tells the sinking from its own side; they share a few words, no actor that is not a state.
    const npr = (n: string, published = '2015-04-20') => [
      claim(
        'npr',
        `The boat departed from Tripoli on Saturday morning with some ${n} on board, survivors told the agency.`,
        {
          published,
        },
      ),
      claim('npr', 'The agency urged European governments to restore a full rescue operation in the Mediterranean.', {
        published,
      }),
      claim('npr', 'Aid groups said the summer crossings would bring many more deaths without patrols.', { published }),
    ];
    const wt = (published = '2015-04-20') => [
      claim('wt', 'One survivor put the number of people on board the boat when it capsized near the coast at 950.', {
        published,
      }),
      claim('wt', 'Prime Minister Matteo Renzi called an emergency cabinet meeting in Rome.', {
        actors: ['Matteo Renzi', 'Rome'],
        published,
      }),
      claim('wt', 'Italian prosecutors opened an investigation into the smugglers who organised the voyage.', {
        published,
      }),
    ];
    expect(contra([...npr('850 people'), ...wt()])).toEqual([['950', 'some 850']]);
    // Not the same day's news, or not the people aboard (the dead are often counted in parts): none.
    expect(contra([...npr('850 people', '2015-04-23'), ...wt()])).toEqual([]);
    const dead = (id: string, n: string) =>
      claim(
        id,
        `The boat capsized near the coast on Saturday and ${n} people were killed, survivors told the agency.`,
        {
          published: '2015-04-20',
        },
      );
    expect(contra([dead('npr', '850'), ...npr('850 people').slice(1), dead('wt', '950'), ...wt().slice(1)])).toEqual(
      [],
    );
  });
  it('the same number of different things, or of different fates, is no contradiction', () => {
    const a = claim('x', 'The blasts killed 23 people, the ministry said.', { actors: ['Health Ministry'], ...day });
    const b = claim('y', 'The blasts killed 30 people, the Health Ministry said.', {
      actors: ['Health Ministry'],
      ...day,
    });
    const c = claim('z', 'The Health Ministry said the blasts wounded 30 people.', {
      actors: ['Health Ministry'],
      ...day,
    });
    expect(compare([a, c]).relations.filter((r) => r.kind === 'CONTRADICTS')).toEqual([]);
    expect(kinds([a, b])).toContain('CONTRADICTS count');
    // Two counts of people, one the staff and one the patients: no slot to disagree on.
    const d = claim('p', 'Two people at the facility have tested positive.', { actors: ['Kirkland'], ...day });
    const e = claim('q', 'Officials said 27 patients in the facility and 25 staff have symptoms.', {
      actors: ['Kirkland'],
      ...day,
    });
    expect(kinds([d, e])).not.toContain('CONTRADICTS count');
  });
  it('fired and intercepted drones are two slots; fired vs fired conflicts', () => {
    const a = claim('w', 'The Houthis said its forces had launched three drones at the facility.', {
      actors: ['Houthis'],
      ...day,
    });
    const b = claim('h', 'The coalition said it had destroyed two explosive-laden drones launched by the Houthis.', {
      actors: ['Houthis'],
      ...day,
    });
    const c = claim('r', 'The Houthis said they had fired five drones at an oil terminal.', {
      actors: ['Houthis'],
      ...day,
    });
    expect(kinds([a, b])).not.toContain('CONTRADICTS count');
    expect(kinds([a, c])).toContain('CONTRADICTS count');
  });
  it('no contradiction between articles a year apart, nor between happenings dated on different days', () => {
    const a = claim('a1', 'Donald Trump imposed tariffs on 200 products from China.', {
      actors: ['Donald Trump', 'China'],
      published: '2018-06-01',
    });
    const b = claim('b1', 'Donald Trump imposed tariffs on 450 products from China.', {
      actors: ['Donald Trump', 'China'],
      published: '2019-08-01',
    });
    expect(kinds([a, b])).toEqual([]);
    const c = claim('c1', 'The strike killed 12 people, the ministry said.', {
      actors: ['Ministry'],
      event: { type: 'STRIKE', date: '2020-01-03' },
    });
    const d = claim('d1', 'The strike killed 40 people, the ministry said.', {
      actors: ['Ministry'],
      event: { type: 'STRIKE', date: '2020-01-09' },
    });
    expect(kinds([c, d])).not.toContain('CONTRADICTS count');
  });
  it('running tolls reported days apart do not conflict; counts of an earlier happening are not the claim’s own', () => {
    const a = claim('t1', 'The bombing killed 23 people, the Health Ministry said.', {
      actors: ['Health Ministry'],
      published: '2013-11-19',
    });
    const b = claim('t2', 'The bombing killed 25 people, the Health Ministry said.', {
      actors: ['Health Ministry'],
      published: '2013-11-22',
    });
    expect(kinds([a, b])).not.toContain('CONTRADICTS count');
    const c = claim('e1', 'The ambassador said seven people were killed in the strike on the consulate.', {
      actors: ['Hossein Akbari'],
      published: '2024-04-01',
    });
    const d = claim(
      'e2',
      'The strike on the consulate comes a few days after airstrikes that killed 52 people, Hossein Akbari said.',
      { actors: ['Hossein Akbari'], published: '2024-04-01' },
    );
    expect(kinds([c, d])).not.toContain('CONTRADICTS count');
  });
  it('without publication days (as ingestion compares today) a shared actor and similar wording still anchor a count', () => {
    const a = claim(
      's0',
      "After Soleimani's plane landed, the U.S. used drones to track the powerful head of Iran's Quds Force exiting the aircraft and entering a car, which was later targeted by four missiles.",
      { actors: ['Qassem Soleimani', 'United States', 'Quds Force'] },
    );
    const b = claim(
      's1',
      'Soleimani landed in Baghdad to join Abu Mahdi Muhandis, only to be killed minutes later by a U.S. drone firing two missiles.',
      { actors: ['Qassem Soleimani', 'United States', 'Baghdad', 'Abu Mahdi Muhandis'] },
    );
    // Each article says other things too (so the two are not one story by their words alone).
    const a2 = claim(
      's0',
      'Iran vowed harsh revenge and fired ballistic missiles at two bases housing American troops.',
      { actors: ['Iran'] },
    );
    const b2 = claim('s1', 'Ukraine International Airlines flight 752 crashed shortly after takeoff from Tehran.', {
      actors: ['Tehran'],
    });
    expect(
      compare([a, a2, b, b2])
        .relations.filter((r) => r.kind === 'CONTRADICTS')
        .map((r) => [r.fromValue, r.toValue]),
    ).toEqual([['4', '2']]);
  });
  it('claims told in close words are one happening even when they name no one', () => {
    const day1 = { published: '2021-05-03' };
    const day2 = { published: '2021-05-04' };
    const a = claim(
      'w1',
      'The company said that about 40,000 phones were recalled within the first week of the launch.',
      day1,
    );
    const b = claim('w2', 'The maker alone says it recalled 200,000 phones within the first week of the launch.', day2);
    // Each article says other things too, so the two are not one story by their words alone.
    const rest = [
      claim('w1', 'Shares of the firm fell sharply in early trading on the exchange.', day1),
      claim('w1', 'Analysts cut their forecasts for the holiday quarter after the announcement.', day1),
      claim('w1', 'Its chief executive apologised to customers in a video message.', day1),
      claim('w1', 'Rival brands saw their sales climb across Asia and Europe.', day1),
      claim('w2', 'Regulators in three countries opened inquiries into battery fires.', day2),
      claim('w2', 'Consumer groups urged owners to switch off their devices overnight.', day2),
      claim('w2', 'Airlines banned the model from cabins and checked luggage.', day2),
      claim('w2', 'Lawyers filed suits on behalf of burned owners in two states.', day2),
    ];
    expect(contra([a, b, ...rest])).toEqual([['200000', 'about 40000']]);
    // Loosely worded, the same counts stay apart.
    const c = claim('w2', 'Some 200,000 phones have gone back to the maker for repairs.', day2);
    expect(contra([a, c, ...rest])).toEqual([]);
  });
  it('without publication days an institution both name is no anchor by itself', () => {
    const a = claim('j1', 'Four Supreme Court justices were ready to side with the state against the circuit court.', {
      actors: ['Supreme Court'],
    });
    const b = claim(
      'j2',
      'The judge will move ahead with the trial over the objections of two Supreme Court justices.',
      { actors: ['Supreme Court'] },
    );
    expect(kinds([a, b])).not.toContain('CONTRADICTS count');
    // The same pair published the same day: one story's count, in conflict.
    expect(
      kinds([
        { ...a, published: '2018-10-26' },
        { ...b, published: '2018-10-26' },
      ]),
    ).toContain('CONTRADICTS count');
  });
  it('a count under a condition or a goal asserts no fact', () => {
    const a = claim('g1', 'Democrats would need to pick up 17 seats in the House to win the majority.', {
      actors: ['Democratic Party', 'House'],
      published: '2018-10-01',
    });
    const b = claim('g2', 'Democrats picked up 40 seats in the House, winning the majority.', {
      actors: ['Democratic Party', 'House'],
      published: '2018-10-01',
    });
    expect(kinds([a, b])).not.toContain('CONTRADICTS count');
    const c = claim('g3', 'Democrats picked up 17 seats in the House, winning the majority.', {
      actors: ['Democratic Party', 'House'],
      published: '2018-10-01',
    });
    expect(kinds([c, b])).toContain('CONTRADICTS count');
  });
  it('"on foot" and "on a motorcycle" for the attacker of one story conflict', () => {
    const a = claim(
      'm1',
      'Two suicide bombers, one on foot and one in a car, detonated explosives outside the Iranian embassy in Beirut.',
      { actors: ['Iran', 'Beirut'], published: '2013-11-19' },
    );
    const b = claim(
      'm2',
      'A security official said the first suicide attacker was on a motorcycle outside the Iranian embassy in Beirut.',
      { actors: ['Iran', 'Beirut'], published: '2013-11-19' },
    );
    expect(kinds([a, b])).toContain('CONTRADICTS means');
    const c = claim('m3', 'The second suicide attacker was in a car.', { actors: [], published: '2013-11-19' });
    expect(kinds([a, c])).not.toContain('CONTRADICTS means');
  });
});

describe('compare(): corroboration needs the same assertion, not shared names', () => {
  it("a copied figure (a vote's score, an exact toll told as news, a day set) joins two claims of one topic within days", () => {
    const told = (id: string, text: string, published = '2015-01-14') => claim(id, text, { published });
    const toll = (n: string) => `The attack killed ${n} people, including two police officers.`;
    const claimed = (n: string) =>
      `Al-Qaida in Yemen has taken responsibility for the attack on a satirical magazine that left ${n} people dead.`;
    expect(kinds([told('a', toll('12')), told('b', claimed('12'))])).toEqual(['CORROBORATES']);
    // A round toll is shared by chance; days apart, the same toll may be another attack's.
    expect(kinds([told('a', toll('20')), told('b', claimed('20'))])).toEqual([]);
    expect(kinds([told('a', toll('12')), told('b', claimed('12'), '2015-01-20')])).toEqual([]);
    // A toll in a relative clause of both is background to two other statements.
    expect(
      kinds([
        told('a', 'Legislators met at the White House on gun laws after the shooting at a school that left 17 dead.'),
        told('b', 'The policy changes are a direct response to the shooting at the school, which killed 17 people.'),
      ]),
    ).toEqual([]);
    // The day a measure runs until: "funding through Feb. 16" and "keep the government funded through Feb. 16".
    expect(
      kinds([
        told('a', 'The chamber approved funding through Feb. 16, sending the stopgap to the Senate.', '2018-01-19'),
        told(
          'b',
          'Leaders warned of a filibuster to block the bill, which would keep the government funded through Feb. 16.',
          '2018-01-18',
        ),
      ]),
    ).toEqual(['CORROBORATES']);
    // A vote's score: "a mostly partisan vote of 230-197" and "Thursday's 230-197 vote".
    expect(
      kinds([
        told('a', 'The chamber approved the stopgap on a mostly partisan vote of 230-197.', '2018-01-19'),
        told('b', "But Thursday's 230-197 vote was a victory for the leaders.", '2018-01-18'),
      ]),
    ).toEqual(['CORROBORATES']);
  });
  it('two claims sharing only an actor are two statements', () => {
    const a = claim('s1', 'Bernie Sanders has joined the race for the nomination.', {
      actors: ['Bernie Sanders'],
      published: '2015-05-01',
    });
    const b = claim('s2', 'Hillary Clinton faced populist challenges from Bernie Sanders.', {
      actors: ['Bernie Sanders', 'Hillary Clinton'],
      published: '2015-05-02',
    });
    expect(kinds([a, b])).toEqual([]);
  });
  it('the same statement corroborates within days, not a year apart', () => {
    const text =
      'King Salman firmly denied any knowledge of what happened to the journalist, Donald Trump told reporters.';
    const a = claim('k1', text, { actors: ['Donald Trump', 'Salman'], published: '2018-10-15' });
    const b = claim(
      'k2',
      'Donald Trump told reporters that the king firmly denied any knowledge of what happened to the journalist.',
      { actors: ['Donald Trump', 'Salman'], published: '2018-10-15' },
    );
    const c = claim(
      'k3',
      'Donald Trump told reporters that the king firmly denied any knowledge of what happened to the journalist.',
      { actors: ['Donald Trump', 'Salman'], published: '2019-12-01' },
    );
    expect(kinds([a, b])).toEqual(['CORROBORATES']);
    expect(kinds([a, c])).toEqual([]);
    // Without publication dates (a caller that does not know them), time cannot rule the pair out.
    const { published: _a, ...x } = a;
    const { published: _c, ...y } = c;
    expect(kinds([x, y])).toEqual(['CORROBORATES']);
  });
  it('a word of a name in one claim and plain in the other is shared; a name in both is not', () => {
    const a = claim(
      'n1',
      'Tricia Newbold, a manager working in the White House Personnel Security Office, stepped forward.',
      { actors: ['Tricia Newbold', 'White House Personnel Security Office'], published: '2019-04-01' },
    );
    const b = claim(
      'n2',
      'The whistleblower, Tricia Newbold, is a manager in the White House personnel security office.',
      { actors: ['Tricia Newbold', 'White House'], published: '2019-04-01' },
    );
    expect(kinds([a, b])).toEqual(['CORROBORATES']);
    const c = claim('n3', 'Tricia Newbold of the White House Personnel Security Office testified.', {
      actors: ['Tricia Newbold', 'White House Personnel Security Office'],
      published: '2019-04-01',
    });
    expect(kinds([a, c])).toEqual([]);
  });
  it('lines about the reporting corroborate nothing', () => {
    const a = claim(
      'r1',
      "Fox News' Kristen Fisher, Chad Pergram and The Associated Press contributed to this report.",
      { published: '2019-04-01' },
    );
    const b = claim('r2', "Fox News' Chad Pergram and The Associated Press contributed to this report.", {
      published: '2019-04-01',
    });
    const c = claim('r3', 'The White House did not immediately respond to a request for comment from Fox News.', {
      published: '2019-04-01',
    });
    const d = claim('r4', 'A White House spokeswoman did not respond to a request for comment on the criticism.', {
      published: '2019-04-01',
    });
    expect(kinds([a, b, c, d])).toEqual([]);
  });
  it('questions and hypotheses corroborate nothing', () => {
    const a = claim(
      'h1',
      'If Fairfax were also to step aside, Mark Herring is next in line to become governor of Virginia.',
      { published: '2019-02-06' },
    );
    const b = claim(
      'h2',
      'If all three step aside, the next in line to become governor of Virginia is the House speaker.',
      { published: '2019-02-06' },
    );
    const c = claim('h3', 'Who is next in line to become governor of Virginia if all three step aside?', {
      published: '2019-02-06',
    });
    expect(kinds([a, b, c])).toEqual([]);
  });
  it('without publication days a loose match links only inside one story', () => {
    const a = claim('u1', 'Senate Republicans urged Congress to pass the budget bill and cut benefits programs.', {
      actors: ['Senate'],
    });
    const a2 = claim('u1', 'The reconciliation rules let a majority pass tax cuts.', { actors: ['Senate'] });
    const b = claim('u2', 'Obama urged Congress to pass the measure extending unemployment benefits quickly.', {
      actors: ['Senate', 'Barack Obama'],
    });
    const b2 = claim('u2', 'About 1.3 million Americans lost long-term jobless aid in December.', {
      actors: ['Barack Obama'],
    });
    expect(kinds([a, a2, b, b2])).toEqual([]);
    // The same two articles published the same day: one story, the same call to pass it.
    const day = (c: ComparableClaim) => ({ ...c, published: '2014-01-07' });
    expect(kinds([a, a2, b, b2].map(day))).toEqual(['CORROBORATES']);
  });
});

describe('parts and increments are no totals', () => {
  it('"25 other states" and "two more strikes" give no count slot; "26 states" does', () => {
    expect(show('Texas and 25 other states sued the administration.').filter((s) => s.startsWith('count'))).toEqual([]);
    expect(show('The military conducted two more strikes on Sunday.').filter((s) => s.startsWith('count'))).toEqual([]);
    expect(show('26 states sued the administration.').filter((s) => s.startsWith('count')).length).toBe(1);
  });
});

describe('the day of a named act', () => {
  const day = (published: string) => ({ published });
  it('reads the weekday and part of day that follow an act', () => {
    const show = (t: string) => slotsOf(t).map((s) => `${s.subject}=${s.value}`);
    expect(show('The gunman was captured Thursday night in a garage.')).toEqual(['day of capture=thursday night']);
    expect(show('He has said little since his apprehension on Friday evening.')).toEqual([
      'day of capture=friday evening',
    ]);
    expect(show('The minister resigned late on Sunday.')).toEqual(['day of resignation=late sunday']);
    expect(show('The ferry capsized early Monday off the coast.')).toEqual(['day of sinking=early monday']);
    expect(show('The report released Friday found nothing.')).toEqual([]);
    expect(show('Police on Friday captured the gunman.')).toEqual([]);
  });
  it('"captured Thursday night" vs "arrested on Friday evening" of one man: a contradiction; vs "early Friday": none', () => {
    const a = claim('x', 'Karl Brenner was captured Thursday night near the border.', {
      actors: ['Karl Brenner'],
      ...day('2021-03-06'),
    });
    const b = claim('y', 'Karl Brenner was arrested on Friday evening at a farm.', {
      actors: ['Karl Brenner'],
      ...day('2021-03-07'),
    });
    const c = claim('z', 'Karl Brenner was arrested early Friday at a farm.', {
      actors: ['Karl Brenner'],
      ...day('2021-03-07'),
    });
    const d = claim('w', 'Karl Brenner was captured Friday at a farm.', {
      actors: ['Karl Brenner'],
      ...day('2021-03-07'),
    });
    expect(contra([a, b])).toEqual([['friday evening', 'thursday night']]);
    expect(contra([a, c])).toEqual([]);
    expect(contra([a, d])).toEqual([]);
  });
  it('a claim naming no one is of the person its article names; other people, other weeks, several acts: none', () => {
    const named = claim('x', 'Karl Brenner fled the scene in a stolen car.', {
      actors: ['Karl Brenner'],
      ...day('2021-03-06'),
    });
    const unnamed = claim('x', 'He has said little since his apprehension on Friday evening.', day('2021-03-06'));
    const other = claim('y', 'Karl Brenner was captured Thursday night near the border.', {
      actors: ['Karl Brenner'],
      ...day('2021-03-07'),
    });
    expect(contra([named, unnamed, other])).toEqual([['friday evening', 'thursday night']]);
    // Without the article naming him, the unnamed claim may be of anyone.
    expect(contra([unnamed, other])).toEqual([]);
    const jones = claim('y', 'Tom Jones was captured Thursday night near the border.', {
      actors: ['Tom Jones'],
      ...day('2021-03-07'),
    });
    expect(contra([named, unnamed, jones])).toEqual([]);
    const later = claim('y', 'Karl Brenner was captured Thursday night near the border.', {
      actors: ['Karl Brenner'],
      ...day('2021-03-12'),
    });
    expect(contra([named, unnamed, later])).toEqual([]);
    const two = claim('y', 'Karl Brenner and another man were captured Thursday night near the border.', {
      actors: ['Karl Brenner'],
      ...day('2021-03-07'),
    });
    expect(contra([named, unnamed, two])).toEqual([]);
  });
});

describe("a speaker's tenure in a title before the name", () => {
  const article = (id: string, text: string, publishedAt: string) =>
    toComparable(extract({ text, outlet: id, publishedAt }), id, id).map((c) => ({ ...c, published: publishedAt }));
  const story = (line: string) =>
    `Floodwaters recede in Lakeview\n\nFloodwaters in Lakeview began to recede on Monday. ${line}`;
  const left = 'Former Lakeview mayor and flood response chief Dana Whitcombe said crews had reached the last street.';
  const held = 'Lakeview acting Mayor Dana Whitcomb said at a briefing that the pumps would run through the night.';
  it('reads "former" or "acting" and the office from a title before a person\'s name', () => {
    const roles = (text: string) =>
      article('x', story(text), '2021-05-03').flatMap((c) => c.claim.slots.filter((s) => s.slot === 'role'));
    expect(roles(left).map((s) => `${s.subject}=${s.value}`)).toEqual(['Dana Whitcombe=former mayor']);
    expect(roles(held).map((s) => `${s.subject}=${s.value}`)).toEqual(['Dana Whitcomb=acting mayor']);
  });
  it('one speaker told the same day as a former and as an acting holder of one office: a contradiction', () => {
    const a = article('x', story(left), '2021-05-03');
    expect(contra([...a, ...article('y', story(held), '2021-05-03')])).toEqual([['acting mayor', 'former mayor']]);
    // Another office, another week, or the title in a clause of an earlier act: none.
    const governor = held.replace('acting Mayor', 'acting Gov.');
    expect(contra([...a, ...article('y', story(governor), '2021-05-03')])).toEqual([]);
    expect(contra([...a, ...article('y', story(held), '2021-05-10')])).toEqual([]);
    const earlier = `The pumps started hours after Lakeview acting Mayor Dana Whitcomb said the levee had held.`;
    expect(contra([...a, ...article('y', story(earlier), '2021-05-03')])).toEqual([]);
  });
});
