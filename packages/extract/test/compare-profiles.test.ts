// Story profiles: compare() given some claims of an article reads whether it tells the other's story by the whole article.
import { describe, expect, it } from 'vitest';
import { compare, storyProfile } from '../src/index.js';
import { claim } from './compare-helpers.js';

const onMonday = { published: '2024-04-15' };
const onTuesday = { published: '2024-04-16' };
const first = [
  claim('first', 'Four missiles struck the air base overnight.', onMonday),
  claim('first', 'Sirens sounded across Isfahan before dawn.', onMonday),
  claim('first', "Flights at the city's airport were suspended for hours.", onMonday),
];
const second = [
  claim('second', 'Drones and two missiles were fired at the base, residents said.', onTuesday),
  claim('second', 'Sirens sounded over Isfahan before dawn.', onTuesday),
  claim('second', "The city's airport suspended flights for several hours.", onTuesday),
];
const contradictions = (r: ReturnType<typeof compare>) => r.relations.filter((x) => x.kind === 'CONTRADICTS');

/** Two articles of one morning whose first claims say the same thing loosely, sharing no actor. */
const looseFirst = [
  claim('one', 'Schools stayed closed on Monday while the governor met police chiefs to plan the response.', onMonday),
  claim('one', 'Sirens sounded across Isfahan before dawn.', onMonday),
  claim('one', "Flights at the city's airport were suspended for hours.", onMonday),
  claim('one', 'Long queues formed at petrol stations and bakeries in the old bazaar.', onMonday),
  claim('one', 'Shopkeepers boarded up their windows along the main avenue.', onMonday),
  claim('one', 'Hospitals cancelled surgeries and called in extra nurses.', onMonday),
];
const looseSecond = [
  claim(
    'two',
    'Police chiefs told reporters that schools across the province would reopen once the governor allowed it.',
    onMonday,
  ),
  claim('two', 'Sirens sounded over Isfahan before dawn.', onMonday),
  claim('two', "The city's airport suspended flights for several hours.", onMonday),
  claim('two', 'Queues formed at bakeries and petrol stations near the old bazaar.', onMonday),
  claim('two', 'Along the main avenue shopkeepers boarded up windows.', onMonday),
  claim('two', 'Hospitals called in extra nurses and cancelled surgeries.', onMonday),
];
const corroborations = (r: ReturnType<typeof compare>) => r.relations.filter((x) => x.kind === 'CORROBORATES');

describe('story profiles', () => {
  it('tell one story by the whole article when only one of its claims is compared', () => {
    const some = [...first, second[0]!];
    // The one claim alone shares too little with the first article: no anchor, no contradiction.
    expect(contradictions(compare(some))).toHaveLength(0);
    const profiles = new Map([
      ['first', storyProfile(first)],
      ['second', storyProfile(second)],
    ]);
    const found = contradictions(compare(some, { profiles }));
    expect(found.map((r) => [r.slot, r.fromValue, r.toValue])).toEqual([['count', '4', '2']]);
    // The same as comparing both whole articles.
    expect(contradictions(compare([...first, ...second])).map((r) => r.reason)).toEqual(found.map((r) => r.reason));
  });

  it('do not make a loose match the same statement: a corroboration reads the claims given', () => {
    const pair = (r: ReturnType<typeof compare>) =>
      corroborations(r).filter((x) => x.fromId === looseFirst[0]!.id && x.toId === looseSecond[0]!.id);
    // Given whole, the two articles are one story, and the loose match is the same statement by it.
    expect(pair(compare([...looseFirst, ...looseSecond])).map((r) => r.reason)).toEqual([
      expect.stringContaining('; story)'),
    ]);
    // Given one claim of the second, with both profiles: no corroboration (whole profiles of one news day on one
    // topic pass the story bar while saying different things).
    const profiles = new Map([
      ['one', storyProfile(looseFirst)],
      ['two', storyProfile(looseSecond)],
    ]);
    expect(pair(compare([...looseFirst, looseSecond[0]!], { profiles }))).toEqual([]);
  });

  it('are the words said and the actors named, stable whatever the order of the claims', () => {
    const p = storyProfile(second);
    expect(p).toEqual([...p].sort());
    expect(storyProfile([...second].reverse())).toEqual(p);
    expect(p).toEqual(expect.arrayContaining(['w:isfahan', 'w:siren']));
    expect(
      storyProfile([claim('x', 'Officials met.', { actors: ['Joe Biden'] })]).some((t) => t.startsWith('a:')),
    ).toBe(true);
    expect(storyProfile([])).toEqual([]);
  });
});
