// A day set ahead ("will vote on Wednesday", "is set to testify on Sept. 24") is the next such day on or after
// publication; a day the clause reports or recalls stays the most recent one on or before it.
import { describe, expect, it } from 'vitest';
import { clean } from '../src/clean.js';
import { findDates } from '../src/dates.js';
import { splitSentences } from '../src/sentences.js';

// Published on Monday 2015-09-07.
const dayOf = (text: string, words: string) => {
  const c = clean(text);
  const d = findDates(splitSentences(c.body, c.lines), '2015-09-07').find((x) => x.text.includes(words));
  return d?.value ?? null;
};

describe('days set ahead', () => {
  it('reads a weekday or a month and day after a future auxiliary or schedule word forward', () => {
    expect(dayOf('The House will begin debating the bill on Wednesday.', 'Wednesday')).toBe('2015-09-09');
    expect(dayOf('The director is set to testify before the committee on Thursday.', 'Thursday')).toBe('2015-09-10');
    expect(dayOf('Nobody knows how it will wind up on Sept. 30, the last day of the fiscal year.', 'Sept')).toBe(
      '2015-09-30',
    );
    expect(dayOf('Trial is scheduled to begin Sept. 2, the judge said.', 'Sept')).toBe('2016-09-02');
    expect(dayOf('On Friday, the Senate will vote on the measure.', 'Friday')).toBe('2015-09-11');
  });

  it('reads a beginning set ahead by a participle, past a clock time, and what follows a day to come, forward', () => {
    expect(dayOf('Ann Roe, in a trial set to begin Sept. 24, faces seven counts of fraud.', 'Sept')).toBe('2015-09-24');
    expect(dayOf('The new embassy is due to open Monday, officials said.', 'Monday')).toBe('2015-09-07');
    expect(dayOf('The hearing will start at 10 a.m. Thursday.', 'Thursday')).toBe('2015-09-10T10:00');
    expect(dayOf('The Senate will vote on Sept. 30. The vote is set for 2 p.m.', '2 p.m.')).toBe('2015-09-30T14:00');
    expect(dayOf('The committee will vote on Thursday. The next day, the House takes it up.', 'next day')).toBe(
      '2015-09-11',
    );
  });

  it('keeps the day of a saying or of a past clause before publication', () => {
    expect(dayOf('The minister announced Wednesday that the army will withdraw.', 'Wednesday')).toBe('2015-09-02');
    expect(dayOf('“We will not back down,” the governor said on Friday.', 'Friday')).toBe('2015-09-04');
    expect(dayOf('The vote was originally scheduled for Friday, but it was delayed.', 'Friday')).toBe('2015-09-04');
    expect(dayOf('The senator, who plans to retire, was in Beijing on Wednesday.', 'Wednesday')).toBe('2015-09-02');
    expect(dayOf('The court heard arguments on Sept. 3.', 'Sept')).toBe('2015-09-03');
  });
});
