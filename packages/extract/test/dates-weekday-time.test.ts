// A weekday with a clock time ("Thursday at 10 a.m.", "at 2:30 p.m. Wednesday", "Tuesday morning at 9:00 a.m.") resolves
// like the weekday, to the minute: chrono's strict mode drops the pair or dates the time alone by the narrative day.
import { describe, expect, it } from 'vitest';
import { clean } from '../src/clean.js';
import { findDates } from '../src/dates.js';
import { splitSentences } from '../src/sentences.js';

// Published on Monday 2015-09-07.
const datesOf = (text: string) => {
  const c = clean(text);
  return findDates(splitSentences(c.body, c.lines), '2015-09-07').map((d) => [d.text, d.value, d.precision]);
};

describe('a weekday with a clock time', () => {
  it('resolves like the weekday, with the time', () => {
    expect(datesOf('The senator testified Thursday at 10 a.m. in the hearing room.')).toEqual([
      ['Thursday at 10 a.m.', '2015-09-03T10:00', 'EXACT'],
    ]);
    expect(datesOf('The vote began at 2:30 p.m. Wednesday, officials said.')).toEqual([
      ['at 2:30 p.m. Wednesday', '2015-09-02T14:30', 'EXACT'],
    ]);
    expect(datesOf('They called off the search at about 3 a.m. on Sunday (1700 GMT Saturday).')[0]).toEqual([
      'about 3 a.m. on Sunday',
      '2015-09-06T03:00',
      'EXACT',
    ]);
    expect(datesOf('The graphic aired Friday evening at 9:33 PM ET on MSNBC.')).toEqual([
      ['Friday evening at 9:33 PM ET', '2015-09-04T21:33', 'EXACT'],
    ]);
  });
  it('keeps the weekday when the time comes after a word between, not the narrative day of the time alone', () => {
    expect(datesOf('The panel met on Monday. Vandals struck on Tuesday around 1:30 a.m., police said.')).toEqual([
      ['on Monday', '2015-09-07', 'DAY'],
      ['on Tuesday around 1:30 a.m.', '2015-09-01T01:30', 'EXACT'],
    ]);
    expect(datesOf('The panel met on Monday. Two committees started Wednesday morning at 10:30 a.m.')).toEqual([
      ['on Monday', '2015-09-07', 'DAY'],
      ['Wednesday morning at 10:30 a.m.', '2015-09-02T10:30', 'EXACT'],
    ]);
  });
  it('reads no time without minutes or a.m./p.m.', () => {
    expect(datesOf('May met him Thursday at 10 Downing Street.')).toEqual([['Thursday', '2015-09-03', 'DAY']]);
  });
});
