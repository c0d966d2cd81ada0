import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { violentToll } from '../src/events.js';

const typeAt = (text: string, date: string) =>
  extract({ text: `Title\n\n${text}`, outlet: 'X', publishedAt: '2019-11-06' }).events.find((e) =>
    e.date.text?.includes(date),
  )?.type;

describe('violentToll: a death toll of a bombing or a shooting', () => {
  it('needs a count of the dead and a word of violence', () => {
    expect(violentToll('Twin explosions near the embassy today killed at least 20 people.')).toBe(true);
    expect(violentToll('A pair of suicide bombs detonated on Tuesday, killing nearly two dozen people.')).toBe(true);
    expect(violentToll('Six staff members were killed when a gunman opened fire.')).toBe(true);
    // A toll without violence (a disease, an accident), and violence without a toll.
    expect(violentToll('The virus has killed more than 1,000 people since March.')).toBe(false);
    expect(violentToll('The gunman was killed by police.')).toBe(false);
  });
  it('types the dated event ATTACK, not KILLING', () => {
    expect(typeAt('Twin explosions near the embassy in Beirut on Tuesday killed at least 20 people.', 'Tuesday')).toBe(
      'ATTACK',
    );
    expect(typeAt('The virus killed 30 people on Tuesday, officials said.', 'Tuesday')).toBe('KILLING');
    expect(typeAt('The journalist was killed on Tuesday inside the consulate.', 'Tuesday')).toBe('KILLING');
  });
});

describe('event triggers', () => {
  it('a beheading is a killing', () => {
    expect(typeAt('The group has beheaded three Western hostages since August.', 'since August')).toBe('KILLING');
    expect(typeAt('Two weeks later a similar video showed another journalist being beheaded.', 'Two weeks later')).toBe(
      'KILLING',
    );
  });
});
