// Contradictions a researcher can trust on real news (issue 14): pairs of real corpus claims that must
// and must not be linked. Counts of different things (another state's delegates, another city's troops,
// a standing tally told on another day, a threshold), a number that is part of a name, and titles that
// not given beside the person's name, or of different rank kinds, are no contradictions.
import type { ClaimSlot, ComparableClaim } from '@claimgraph/shared';
import { describe, expect, it } from 'vitest';
import { compare, extract } from '../src/index.js';
import { claim, slotsOf } from './compare-helpers.js';

const contradictions = (claims: ComparableClaim[]) =>
  compare(claims)
    .relations.filter((r) => r.kind === 'CONTRADICTS')
    .map((r) => [r.fromValue, r.toValue]);

describe('contradictions on real news: the count of the same thing', () => {
  it('counts that cannot both be true stay linked', () => {
    const a = claim(
      'cnn',
      'Three prosecutors who worked on the Stone case quit soon after the department backtracked on its sentencing memo.',
      { actors: ['Roger Stone', 'Justice Department'], published: '2020-02-14' },
    );
    const b = claim(
      'slate',
      'Four federal prosecutors quit the Roger Stone case after Barr withdrew their proposed sentencing recommendation.',
      { actors: ['Roger Stone', 'William Barr'], published: '2020-02-21' },
    );
    expect(contradictions([a, b])).toEqual([['3', '4']]);
    const c = claim(
      'hill',
      'Lawmakers are demanding answers about how Cambridge Analytica was able to improperly obtain data on upwards of 87 million Facebook users.',
      { actors: ['Cambridge Analytica', 'Facebook'] },
    );
    const d = claim(
      'cbs',
      'Cambridge Analytica harvested data on as many as 50 million Facebook users for political messaging.',
      { actors: ['Cambridge Analytica', 'Facebook'] },
    );
    expect(contradictions([c, d])).toHaveLength(1);
  });
  it('a count named for a part ("Iowa GOP delegates", "Oregon\'s 28") is not a count of another part or of all', () => {
    const a = claim('fox', 'Trump leads the GOP race with 744 delegates, ahead of Cruz with 545 and Kasich with 144.', {
      actors: ['Donald Trump', 'Ted Cruz'],
      published: '2016-04-19',
    });
    const b = claim(
      'bb',
      'Cruz was able to grab 11 out of the 12 Iowa GOP delegates on Saturday, at the state party conventions.',
      { actors: ['Donald Trump', 'Ted Cruz'], published: '2016-04-19' },
    );
    const c = claim(
      'fox2',
      "Trump won at least 17 of Oregon's 28 Republican delegates, with Cruz and Kasich each receiving at least three.",
      { actors: ['Donald Trump', 'Ted Cruz'], published: '2016-04-19' },
    );
    expect(contradictions([a, b])).toEqual([]);
    expect(contradictions([a, c])).toEqual([]);
    // The same part named on both sides is one thing counted.
    const d = claim('np', 'The state party chose 13 Iowa GOP delegates for Cruz at the conventions on Saturday.', {
      actors: ['Donald Trump', 'Ted Cruz'],
      published: '2016-04-19',
    });
    expect(contradictions([b, d])).toEqual([['12', '13']]);
  });
  it('a toll told of a place before its count ("at the airport, where 11 were killed") is a part of the whole', () => {
    const day = { published: '2016-03-22' };
    // One story by the two articles' profiles (as the link stage gives them): only the place tells the counts apart.
    const profiles = new Map([
      ['npr', ['w:brussel', 'w:explos', 'w:airport']],
      ['fox', ['w:brussel', 'w:explos', 'w:airport']],
    ]);
    const whole = claim(
      'npr',
      'More than 30 people are dead and more than 200 wounded after explosions struck Brussels during the Tuesday morning rush hour.',
      day,
    );
    const related = (text: string) =>
      compare([whole, claim('fox', text, day)], { profiles }).relations.filter((r) => r.kind === 'CONTRADICTS');
    expect(
      related('Two bombings at Zaventem Airport, where 11 people were reportedly killed, were confirmed as terrorism.'),
    ).toEqual([]);
    expect(
      related('The mayor put the number of dead at the train station at 20, with more than 100 more injured.'),
    ).toEqual([]);
    // A toll of the whole still conflicts.
    expect(related('Early reports placed the number of dead at 13.')).toHaveLength(1);
  });

  it("a city's or a state's troops are not another's", () => {
    const a = claim(
      'aj',
      "Georgia's governor authorised the deployment of up to 3,000 National Guard troops across the state to respond to the protests.",
      { actors: ['National Guard'], published: '2020-06-01' },
    );
    const b = claim(
      'ap',
      'The show of force came after the state poured more than 4,000 National Guard troops into Minneapolis to respond to the protests.',
      { actors: ['National Guard'], published: '2020-06-01' },
    );
    expect(contradictions([a, b])).toEqual([]);
  });
  it('a standing tally told on another day, and a threshold, are no conflicting counts', () => {
    const a = claim('f1', 'Trump has 736 pledged delegates, followed by Cruz with 463.', {
      actors: ['Donald Trump', 'Ted Cruz'],
      published: '2016-04-04',
    });
    const b = claim('f2', 'Trump now has 1,160 delegates, just 77 away from the threshold.', {
      actors: ['Donald Trump', 'Ted Cruz'],
      published: '2016-04-19',
    });
    expect(contradictions([a, b])).toEqual([]);
    // Told the same day, two tallies of one race do conflict; a tally of pledged delegates is of a part of all.
    expect(contradictions([a, { ...b, published: '2016-04-04' }])).toEqual([]);
    const all = claim('f4', 'Trump has 736 delegates, followed by Cruz with 463.', {
      actors: ['Donald Trump', 'Ted Cruz'],
      published: '2016-04-04',
    });
    expect(contradictions([all, { ...b, published: '2016-04-04' }])).toHaveLength(1);
    const c = claim('f3', 'Donald Trump still has not clinched the nomination with the necessary 1,237 delegates.', {
      actors: ['Donald Trump', 'Ted Cruz'],
      published: '2016-04-04',
    });
    expect(contradictions([a, c])).toEqual([]);
  });
  it("'hit with four missiles' is what was done, not a standing tally: it conflicts with 'firing two missiles'", () => {
    const event = { type: 'STRIKE' as const, date: '2020-01-03' };
    const a = claim('m1', 'US drones tracked him into a car, which was later hit with four missiles.', {
      actors: ['United States'],
      event,
      published: null,
    });
    const b = claim('m2', 'He was killed minutes later by a US drone firing two missiles.', {
      actors: ['United States'],
      event,
      published: null,
    });
    expect(contradictions([a, b])).toHaveLength(1);
  });
  it('"four missiles" and "two rockets", "two blasts" and "three explosions", "six shots" and "eight rounds" count one thing', () => {
    const opts = { actors: ['Revolutionary Guard'], published: '2021-03-08' };
    const a = claim('r1', 'Four missiles struck the air base near the city on Tuesday night, officials said.', opts);
    const b = claim('r2', 'Two rockets hit the air base near the city on Tuesday night, officials said.', opts);
    expect(contradictions([a, b])).toEqual([['4', '2']]);
    const c = claim('r3', 'Two blasts shook the air base near the city on Tuesday night, officials said.', opts);
    const d = claim('r4', 'Three explosions shook the air base near the city on Tuesday night, officials said.', opts);
    expect(contradictions([c, d])).toEqual([['2', '3']]);
    expect(contradictions([a, c])).toEqual([]);
    const shots = claim('r5', 'The officer fired six shots at the man as he ran away, the video shows.', opts);
    const rounds = claim('r6', 'The officer fired eight rounds at the man as he ran away, the video shows.', opts);
    const bullets = claim('r7', 'The officer fired eight bullets at the man as he ran away, the video shows.', opts);
    expect(contradictions([shots, rounds])).toEqual([['6', '8']]);
    expect(contradictions([shots, bullets])).toEqual([['6', '8']]);
    // Rounds of talks are no shots.
    const talks = claim(
      'r8',
      'Two rounds of talks were held at the base near the city on Tuesday, officials said.',
      opts,
    );
    const fired = claim('r9', 'Guards fired six shots at the base near the city on Tuesday, officials said.', opts);
    expect(contradictions([talks, fired])).toEqual([]);
    // Commandos are people, as soldiers and troops are.
    const commandos = claim('r10', 'Some 20 commandos took part in the raid on the compound, officials said.', opts);
    const soldiers = claim('r11', 'About 40 soldiers took part in the raid on the compound, officials said.', opts);
    expect(contradictions([commandos, soldiers])).toEqual([['some 20', 'about 40']]);
  });
  it('a number that is part of a name counts nothing', () => {
    const a = claim('bbc', 'All G20 leaders, and spouses, were invited by Angela Merkel, said Vladimir Putin.', {
      actors: ['Angela Merkel', 'Vladimir Putin'],
      published: '2017-07-19',
    });
    const b = claim(
      'csm',
      'In talks between Vladimir Putin and Angela Merkel, the two leaders stressed the importance of international action.',
      { actors: ['Angela Merkel', 'Vladimir Putin'], published: '2017-07-19' },
    );
    expect(contradictions([a, b])).toEqual([]);
  });
  it('a count the claim does not state (read from words the claim leaves out) is not its own', () => {
    const slots: ClaimSlot[] = [{ slot: 'count', subject: 'people', value: 'over 1000', text: 'Over 1,000 people' }];
    const a = claim(
      'h',
      'During the Republican primary, Trump and his allies were outspent by wide margins by three rivals: former Florida Gov. Jeb Bush, Florida Sen. Marco Rubio and Texas Sen. Ted Cruz.',
      { actors: ['Marco Rubio', 'Ted Cruz'], published: '2016-01-01', slots },
    );
    const b = claim(
      't',
      'The two Hispanic senators in the Republican presidential race, Ted Cruz of Texas and Marco Rubio of Florida, battled over immigration in the debate.',
      { actors: ['Marco Rubio', 'Ted Cruz'], published: '2016-01-01' },
    );
    expect(contradictions([a, b])).toEqual([]);
  });
});

describe('contradictions on real news: one act, one day', () => {
  it('counts of what different acts were done to are two things', () => {
    const a = claim(
      'nyt',
      'He said President George W. Bush had deported more than 10 million immigrants during his presidency.',
      { actors: ['Barack Obama', 'George W. Bush'], published: '2014-11-14' },
    );
    const b = claim(
      'cbs',
      'President Barack Obama is poised to act soon to shield possibly around 5 million immigrants from deportation.',
      { actors: ['Barack Obama', 'George W. Bush'], published: '2014-11-14' },
    );
    expect(contradictions([a, b])).toEqual([]);
    const c = claim('ap', 'Officials said Bush had deported around 5 million immigrants during his presidency.', {
      actors: ['Barack Obama', 'George W. Bush'],
      published: '2014-11-14',
    });
    expect(contradictions([a, c])).toHaveLength(1);
  });
  it('the act of a count is read past its preposition and from a clause after it: faced, found guilty on, pleaded guilty to', () => {
    const opts = { actors: ['Ann Roe'], published: '2021-03-05' };
    const faced = claim('a', 'Ann Roe had been facing seven counts of fraud in the federal court in Portville.', opts);
    const guilty = claim('b', 'A jury in Portville found Ann Roe guilty on eight counts of fraud and bribery.', opts);
    const pleaded = claim('c', 'The two counts of fraud she pleaded guilty to in Portville carry five years.', opts);
    expect(contradictions([faced, guilty])).toEqual([]);
    expect(contradictions([guilty, pleaded])).toEqual([]);
    // The same act told with two counts still conflicts.
    const guilty2 = claim('d', 'A jury in Portville found Ann Roe guilty on five counts of fraud and bribery.', opts);
    expect(contradictions([guilty, guilty2])).toHaveLength(1);
  });
  it('a count owned by a pronoun ("its 247 delegates") and a race\'s goal ("a race to 2,383") are not the count of all', () => {
    const opts = { actors: ['Ann Roe'], published: '2016-03-26' };
    const gained = claim('a', 'Ann Roe gained 20 delegates by winning the Ohio and Iowa caucuses on Saturday.', opts);
    const its = claim('b', 'Ann Roe is poised to do well in Texas on April 19 with its 247 delegates.', opts);
    const race = claim(
      'c',
      'In a race to 2,383 delegates, Ann Roe leads by 300 after the Ohio and Iowa caucuses.',
      opts,
    );
    expect(contradictions([gained, its])).toEqual([]);
    expect(contradictions([gained, race])).toEqual([]);
    const other = claim('d', 'Ann Roe gained 45 delegates by winning the Ohio and Iowa caucuses on Saturday.', opts);
    expect(contradictions([gained, other])).toHaveLength(1);
  });
  it('a count after "of those" or "among them" is of a part of what was counted before', () => {
    const opts = { actors: ['Ann Roe'], published: '2016-03-26' };
    const whole = claim('a', 'Auditors said Ann Roe sent seven memos about the pipeline contract to the board.', opts);
    const part = claim(
      'b',
      'Auditors read the memos Ann Roe wrote about the pipeline contract; of those, 12 memos went to the board.',
      opts,
    );
    expect(contradictions([whole, part])).toEqual([]);
    const all = claim('c', 'Auditors said Ann Roe sent 12 memos about the pipeline contract to the board.', opts);
    expect(contradictions([whole, all])).toHaveLength(1);
  });
  it('"the first two" picks a run out of a longer one: no count of the whole', () => {
    const opts = { actors: ['Ann Roe'], published: '2016-03-26' };
    const whole = claim('a', 'Auditors said Ann Roe fired six shots at the range on Saturday.', opts);
    const run = claim('b', 'After the first two shots were fired, Ann Roe stopped, auditors said.', opts);
    expect(contradictions([whole, run])).toEqual([]);
    const all = claim('c', 'Auditors said Ann Roe fired two shots at the range on Saturday.', opts);
    expect(contradictions([whole, all])).toHaveLength(1);
  });
  it('a count of a part (a place, a modifier, a mark) is no count of the whole', () => {
    const opts = { actors: ['Ann Roe'], published: '2016-03-26' };
    const whole = claim('a', 'Auditors said Ann Roe fired six shots in the confrontation on Saturday.', opts);
    const inCar = claim('b', 'Ann Roe told auditors she fired two shots in the car before the man fled.', opts);
    expect(contradictions([whole, inCar])).toEqual([]);
    const memos = claim('c', 'Auditors said Ann Roe sent 30,000 memos from her private server.', opts);
    const flagged = claim('d', 'Auditors said Ann Roe sent 60 memos flagged classified from her private server.', opts);
    const secret = claim('e', 'Auditors said Ann Roe sent 60 classified memos from her private server.', opts);
    expect(contradictions([memos, flagged])).toEqual([]);
    expect(contradictions([memos, secret])).toEqual([]);
    // The same part on both sides, or a happening after "in the", is one thing counted.
    const car = claim('f', 'Auditors said Ann Roe fired six shots in the car on Saturday.', opts);
    expect(contradictions([car, inCar])).toHaveLength(1);
    const all = claim('g', 'Auditors said Ann Roe fired two shots in the confrontation on Saturday.', opts);
    expect(contradictions([whole, all])).toHaveLength(1);
  });
  it('a count that names a member of another kind after it ("four debates, including a vice presidential one") is a wider whole', () => {
    const opts = { actors: ['Ann Roe', 'Bo Doe'], published: '2012-10-23' };
    const three = claim(
      'a',
      'Ann Roe and Bo Doe gloated over her performances in all three debates at the rally.',
      opts,
    );
    const text = (n: string) =>
      `Ann Roe told the rally that after ${n} debates, including a vice presidential sit-down, Bo Doe had heard no agenda.`;
    expect(contradictions([three, claim('b', text('four'), opts)])).toEqual([]);
    // The wider whole smaller than the other count, or no member named, still conflicts.
    expect(contradictions([three, claim('b', text('two'), opts)])).toEqual([['3', '2']]);
    const five = claim('b', 'Ann Roe told the rally that after five debates Bo Doe had heard no agenda.', opts);
    expect(contradictions([three, five])).toEqual([['3', '5']]);
  });
  it('who sponsored one resolution: states named before or after it, no state in common', () => {
    const opts = { actors: ['Security Council'], published: '2016-12-23' };
    const a = claim(
      'a',
      'The Security Council voted on a Egyptian-sponsored resolution on settlements on Friday.',
      opts,
    );
    const b = claim(
      'b',
      'The resolution on settlements, put before the council by Malaysia, Senegal and New Zealand, passed on Friday.',
      opts,
    );
    expect(b.claim.slots.map((x) => `${x.slot}:${x.value}`)).toEqual(['agent:Malaysia; New Zealand; Senegal']);
    expect(contradictions([a, b])).toEqual([['Egypt', 'Malaysia; New Zealand; Senegal']]);
    // A sponsor in common, or an article telling of two drafts, is no clash.
    const c = claim('c', 'The resolution on settlements, drafted by Egypt and Senegal, passed on Friday.', opts);
    expect(contradictions([a, c])).toEqual([]);
    const rival = claim('b', 'A rival resolution on settlements sponsored by France failed on Friday.', opts);
    expect(contradictions([a, b, rival])).toEqual([]);
  });
  it("the day a trial is to begin: a day set ahead, or days counted from the article's own day", () => {
    const read = extract({
      text: 'Ann Roe pleads guilty\n\nAnn Roe, in a trial set to begin Sept. 24, had been facing seven counts of fraud, her lawyer said.',
      outlet: 'x',
      publishedAt: '2018-09-14',
    }).claims.flatMap((c) => c.slots.filter((x) => x.slot === 'date'));
    expect(read.map((x) => [x.subject, x.value])).toEqual([['start of trial', '2018-09-24']]);
    const opts = { actors: ['Ann Roe'], published: '2018-09-14' };
    const text = 'Ann Roe, in a trial set to begin Sept. 24, had been facing seven counts of fraud.';
    const set = claim('a', text, { ...opts, slots: read });
    const before = claim(
      'b',
      'Ann Roe pleaded guilty to fraud counts on Friday, just three days before she was to have stood trial.',
      opts,
    );
    expect(before.claim.slots.find((x) => x.slot === 'date')?.value).toBe('pub+3');
    expect(contradictions([set, before])).toEqual([['2018-09-24', 'pub+3']]);
    // Ten days before agrees; a day told as moved is left out.
    const ten = claim(
      'c',
      'Ann Roe pleaded guilty to fraud counts on Friday, just ten days before she was to have stood trial.',
      opts,
    );
    expect(contradictions([set, ten])).toEqual([]);
    const moved = claim(
      'd',
      'Ann Roe, in a trial originally set to begin Sept. 17, faces seven counts of fraud.',
      opts,
    );
    expect(moved.claim.slots.filter((x) => x.slot === 'date')).toEqual([]);
  });
  it("a vote's shortfall against the votes needed and won that another article of the story gives", () => {
    const opts = { actors: ['Ann Roe'], published: '2013-02-14' };
    const lead = 'The Senate failed on Thursday to end the filibuster against the nomination of Ann Roe.';
    const shy = [claim('a', lead, opts), claim('a', 'But the effort fell one vote shy.', opts)];
    const tally = (needed: string) => [
      claim('b', lead, opts),
      claim('b', "Thursday's 58-40 vote to end the filibuster against Ann Roe failed.", opts),
      claim('b', needed, opts),
    ];
    const rels = compare([...shy, ...tally('Sixty votes were needed to move the nomination forward.')]).relations;
    expect(rels.filter((r) => r.kind === 'CONTRADICTS').map((r) => [r.fromValue, r.toValue])).toEqual([['1', '2']]);
    // 59 needed is one short; an article giving two thresholds (a later vote's) tells of two votes.
    expect(contradictions([...shy, ...tally('Fifty-nine votes were needed to move the nomination forward.')])).toEqual(
      [],
    );
    const two = [...tally('Sixty votes were needed to move the nomination forward.')];
    two.push(claim('b', 'Only a simple majority of 51 votes are required after the recess.', opts));
    expect(contradictions([...shy, ...two])).toEqual([]);
  });
  it('a tally or score ("leads 52-41 across swing states") counts nothing', () => {
    expect(slotsOf('Ann Roe leads Bo Lee 52-41 across swing states, a poll found.')).toEqual([]);
    expect(slotsOf('The council passed the plan 7-2 in three cities.').map((x) => x.value)).toEqual(['3']);
    const opts = { actors: ['Ann Roe'], published: '2012-09-08' };
    const ads = claim('a', "Ann Roe's campaign put up 15 new ads Friday in eight swing states.", opts);
    const poll = claim('b', 'Ann Roe leads Bo Lee 52-41 across swing states, a poll found.', opts);
    expect(contradictions([ads, poll])).toEqual([]);
  });
  it('"half a million" is half of the scaled number, so it agrees with 500,000', () => {
    expect(slotsOf('The flood displaced half a million people in Portville.')[0]?.value).toBe('500000');
    const opts = { actors: ['Portville'], published: '2021-03-05' };
    const half = claim('a', 'The flood displaced half a million people in Portville, officials said.', opts);
    const same = claim('b', 'The flood displaced 500,000 people in Portville, officials said.', opts);
    expect(contradictions([half, same])).toEqual([]);
  });
  it('counts of claims that name different days are of different happenings', () => {
    const a = claim(
      'nm',
      'Three Republicans broke rank Thursday and voted for passage of the spending bill in the House of Representatives.',
      { actors: ['Republican Party', 'House of Representatives'], published: '2019-01-25' },
    );
    const b = claim(
      'fox',
      'Six Republicans voted with Democrats on Tuesday for passage of the spending bill in the House of Representatives.',
      { actors: ['Republican Party', 'House of Representatives'], published: '2019-01-25' },
    );
    expect(contradictions([a, b])).toEqual([]);
    expect(
      contradictions([a, { ...b, claim: { ...b.claim, text: b.claim.text.replace('Tuesday', 'Thursday') } }]),
    ).toHaveLength(1);
  });
});

describe('contradictions on real news: one person, one post', () => {
  const role = (subject: string, value: string, text: string): ClaimSlot => ({ slot: 'role', subject, value, text });
  it('"assistant director in charge of" an office heads it', () => {
    const a = claim(
      'csm',
      "Valerie Parlave, head of the FBI's field office in Washington, said Alexis had access to the Navy Yard.",
      {
        actors: ['Valerie Parlave', 'FBI'],
        published: '2013-09-17',
        slots: [role('Valerie Parlave', 'head', "head of the FBI's field office in Washington")],
      },
    );
    const b = claim(
      'wt',
      'Valerie Parlave, assistant director in charge of the FBI’s Washington Field Office, said investigators are trying to trace the suspect.',
      {
        actors: ['Valerie Parlave', 'FBI'],
        published: '2013-09-16',
        slots: [
          role(
            'Valerie Parlave',
            'assistant director',
            'assistant director in charge of the FBI’s Washington Field Office',
          ),
        ],
      },
    );
    expect(contradictions([a, b])).toEqual([]);
  });
  it('a member of one body and the director of another, former posts, and titles not given beside the name do not conflict', () => {
    const a = claim(
      'cbn',
      'There may be some setbacks, said Dr. Anthony Fauci, a member of the White House coronavirus task force.',
      {
        actors: ['Anthony Fauci'],
        published: '2020-04-10',
        slots: [role('Anthony Fauci', 'member', 'a member of the White House coronavirus task force')],
      },
    );
    const b = claim(
      'bbc',
      'No-one is denying that this is a difficult time, said Dr Anthony Fauci, director of the National Institute of Allergy and Infectious Diseases.',
      {
        actors: ['Anthony Fauci'],
        published: '2020-04-10',
        slots: [
          role('Anthony Fauci', 'director', 'director of the National Institute of Allergy and Infectious Diseases'),
        ],
      },
    );
    expect(contradictions([a, b])).toEqual([]);
    const c = claim(
      'nm',
      'Rep. Adam Schiff, the Democratic chairman of the House Intelligence Committee, outlined the question.',
      {
        actors: ['Adam Schiff'],
        published: '2019-11-13',
        slots: [role('Adam Schiff', 'democratic chairman', 'Democratic chairman of the House Intelligence Committee')],
      },
    );
    const d = claim(
      'fx',
      'Trump threatened to seek testimony from top Democrats including Adam Schiff and former Vice President Joe Biden.',
      {
        actors: ['Adam Schiff', 'Joe Biden'],
        published: '2019-11-13',
        slots: [role('Adam Schiff', 'former vice president', 'former Vice President')],
      },
    );
    expect(contradictions([c, d])).toEqual([]);
  });
  it('a deputy and the head of one body, each beside the name, conflict', () => {
    const a = claim('r1', 'Ali Hassan, the deputy head of the Quds Force, was killed in the strike.', {
      actors: ['Ali Hassan', 'Quds Force'],
      published: '2020-01-03',
      slots: [role('Ali Hassan', 'deputy head', 'deputy head of the Quds Force')],
    });
    const b = claim('r2', 'Ali Hassan, the head of the Quds Force, was killed in the strike.', {
      actors: ['Ali Hassan', 'Quds Force'],
      published: '2020-01-03',
      slots: [role('Ali Hassan', 'head', 'head of the Quds Force')],
    });
    expect(contradictions([a, b])).toHaveLength(1);
  });
});

const corroborations = (claims: ComparableClaim[]) =>
  compare(claims).relations.filter((r) => r.kind === 'CORROBORATES').length;

describe('corroborations on real news: months apart, the same words about one dated happening', () => {
  it('months apart, only the same words about one dated happening corroborate', () => {
    const event = { type: 'ATTACK' as const, date: '2012-09-11' };
    const a = claim(
      'npr',
      'The lawmakers want to hear from Petraeus about why security was lax at the U.S. consulate in Benghazi, where the ambassador and three other Americans were killed.',
      { actors: ['David Petraeus', 'Benghazi'], published: '2012-11-16', event },
    );
    const b = claim(
      'nm',
      'Republicans have called for an independent investigation of the attacks on the consulate in Benghazi that killed the ambassador and three other Americans.',
      { actors: ['Republican Party', 'Benghazi'], published: '2014-04-29', event },
    );
    expect(corroborations([a, b])).toBe(0);
    const c = claim(
      'fox',
      'A terrorist attack on the U.S. consulate in Benghazi killed the ambassador and three other Americans on Sept. 11, 2012.',
      { actors: ['Benghazi'], published: '2014-04-29', event },
    );
    const d = claim(
      'cnn',
      'The terrorist attack on the U.S. consulate in Benghazi on Sept. 11, 2012 killed the ambassador and three other Americans.',
      { actors: ['Benghazi'], published: '2012-11-16', event },
    );
    expect(corroborations([c, d])).toBe(1);
  });
});

describe('corroborations on real news: a background happening vouches for nothing', () => {
  it('claims placed by one long-past happening ("the 2016 election") corroborate only when they say the same', () => {
    // The event day an ingest stores for a year ("2016") is its first day: the same for every such claim.
    const event = { type: 'INVESTIGATION' as const, date: '2016-01-01' };
    const a = claim(
      'hill',
      'Lawmakers pressed Horowitz to expand the probe to the separate investigation into Russian interference in the 2016 election.',
      { actors: ['Michael Horowitz', 'Russia'], published: '2018-02-06', event },
    );
    const b = claim(
      'cbn',
      'Party leaders are waiting to hear from the investigation into Russian interference in the 2016 election before deciding.',
      { actors: ['Robert Mueller', 'Russia'], published: '2018-02-20', event },
    );
    expect(corroborations([a, b])).toBe(0);
    // A happening of the same days vouches for the loose match about the same people (a shared state is not one).
    const fresh = { type: 'INVESTIGATION' as const, date: '2018-02-05' };
    expect(
      corroborations([
        { ...a, event: fresh },
        { ...b, event: fresh },
      ]),
    ).toBe(0);
    const horowitz = { event: fresh, actorNames: ['Michael Horowitz', 'Russia'] };
    expect(
      corroborations([
        { ...a, ...horowitz },
        { ...b, ...horowitz },
      ]),
    ).toBe(1);
  });
});

describe('cases of a disease are people infected', () => {
  it('"22 confirmed cases" and "15 people have tested positive" are one count; cases in court are not', () => {
    const values = (t: string) => slotsOf(t).map((s) => `${s.subject}=${s.value}`);
    expect(values('The county has 22 confirmed cases of the virus.')).toEqual(['people infected=22']);
    expect(values('Officials said 15 people have tested positive for the virus.')).toEqual(['people infected=15']);
    expect(values('The court heard 12 cases this term.')).toEqual(['case=12']);
    const a = claim(
      'npr',
      'Health officials said the county has 22 confirmed cases of the virus, including six deaths.',
      { actors: ['King County'], published: '2020-03-03' },
    );
    const b = claim('pol', 'Health officials said 15 people have tested positive for the virus in the county.', {
      actors: ['King County'],
      published: '2020-03-03',
    });
    expect(contradictions([a, b])).toEqual([['22', '15']]);
    // A running count told days apart is no conflict.
    expect(contradictions([a, { ...b, published: '2020-03-06' }])).toEqual([]);
  });
});

describe('contradictions: an increment and a total', () => {
  it('a count of what was added ("another 12", "new", "bringing the total to") is not the total; two increments conflict', () => {
    const opts = { actors: ['Navy SEALs'], published: '2021-03-08' };
    const total = claim(
      'a',
      'Nine miners have now been brought to the surface, while three remain below with their foreman.',
      opts,
    );
    const added = claim(
      'b',
      'Navy SEALs said that five miners were brought to the surface on Monday, bringing the total to nine so far.',
      opts,
    );
    expect(contradictions([total, added])).toEqual([]);
    const floods = { actors: ['Red Cross'], published: '2021-03-08' };
    const dead = claim('c', 'The floods have killed 40 people in the province, the Red Cross said.', floods);
    const another = claim(
      'd',
      'Another 12 people were killed by the floods in the province, the Red Cross said.',
      floods,
    );
    const more = claim(
      'e',
      'Another 15 people were killed by the floods in the province, according to the Red Cross.',
      floods,
    );
    expect(contradictions([dead, another])).toEqual([]);
    expect(contradictions([another, more])).toEqual([['12', '15']]);
    const cases = claim('f', 'Health officials in the province reported 12 new cases of cholera on Monday.', floods);
    const allCases = claim('g', 'Health officials in the province have counted 40 cases of cholera.', floods);
    expect(contradictions([cases, allCases])).toEqual([]);
  });
});

describe('contradictions on real news: totals over a span, running counts and places told "there"', () => {
  // One story by the two articles' profiles, as the link stage gives them: only the counts' own words tell them apart.
  const profiles = (ids: string[], terms: string[]) => new Map(ids.map((id) => [id, terms]));
  const related = (claims: ComparableClaim[], p: Map<string, string[]>) =>
    compare(claims, { profiles: p })
      .relations.filter((r) => r.kind === 'CONTRADICTS')
      .map((r) => [r.fromValue, r.toValue]);

  it('a toll since a war began holds the toll of one attack in it', () => {
    const p = profiles(['un', 'wh'], ['a:bashar al-assad', 'w:attack', 'w:damascu', 'w:kill', 'w:syria']);
    const total = claim(
      'un',
      'The U.N. estimates more than 100,000 people have been killed since the civil war began in 2011.',
      { actors: ['Bashar al-Assad', 'United Nations'], published: '2013-09-10' },
    );
    const attack = claim(
      'wh',
      'The White House held Assad responsible for the brutal Aug. 21 attack that killed 1,400 civilians outside Damascus.',
      { actors: ['Bashar al-Assad', 'White House'], published: '2013-09-10' },
    );
    expect(related([total, attack], p)).toEqual([]);
    // Two totals of the war still conflict when told the same day.
    const other = claim('wh', 'The war has killed 60,000 people, the White House said.', {
      actors: ['Bashar al-Assad', 'White House'],
      published: '2013-09-10',
    });
    expect(related([total, other], p)).toHaveLength(1);
    // So does an attack's toll larger than the total.
    const small = claim('un', 'About 1,000 people have been killed since the civil war began in 2011.', {
      actors: ['Bashar al-Assad', 'United Nations'],
      published: '2013-09-10',
    });
    expect(related([small, attack], p)).toHaveLength(1);
  });

  it('a count told "as of" a day runs on: told days apart, two such counts are no conflict', () => {
    const p = profiles(['nb', 'ut'], ['w:activ', 'w:guard', 'w:national', 'w:protest', 'w:state']);
    const early = claim(
      'nb',
      'Twelve states and the District of Columbia activated the National Guard to help quell the unrest.',
      {
        actors: ['National Guard'],
        published: '2020-06-01',
      },
    );
    const later = claim(
      'ut',
      'As of this week, officials in 31 states had activated the National Guard to assist local law enforcement.',
      { actors: ['National Guard'], published: '2020-06-06' },
    );
    expect(related([early, later], p)).toEqual([]);
    // Told the same day, they conflict.
    expect(related([early, { ...later, published: '2020-06-01' }], p)).toHaveLength(1);
  });

  it('things counted "there" are those of one place the article named: a part of all of them', () => {
    const p = profiles(['hl', 'np'], ['a:hillary clinton', 'a:donald trump', 'w:campaign', 'w:field', 'w:offic']);
    const there = claim('hl', "Her campaign had 36 field offices there to Trump's 16 at the end of August.", {
      actors: ['Hillary Clinton', 'Donald Trump'],
      published: '2016-10-10',
    });
    const all = claim('np', "As of the end of August, Clinton had 291 field offices to Trump's 88.", {
      actors: ['Hillary Clinton', 'Donald Trump'],
      published: '2016-10-15',
    });
    expect(related([there, all], p)).toEqual([]);
    const allSameDay = claim('np', "Clinton's campaign had 291 field offices to Trump's 88.", {
      actors: ['Hillary Clinton', 'Donald Trump'],
      published: '2016-10-10',
    });
    expect(related([there, allSameDay], p)).toEqual([]);
    // Without "there", the two counts of all offices conflict.
    expect(
      related([{ ...there, claim: { ...there.claim, text: there.claim.text.replace(' there', '') } }, allSameDay], p),
    ).toHaveLength(1);
  });
});
