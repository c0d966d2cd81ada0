// Attribution chains as reporters write them, end to end through extract(): one rule per test, each written so
// that it fails without the rule.
import { describe, expect, it } from 'vitest';
import { article, chainFor } from './claims-helpers.js';

describe('nested sources in one clause', () => {
  it('keeps the speaker when the outlet\'s "according to" follows the speaker\'s own verb', () => {
    const text = article('The blast aimed to destabilise the country, Lebanese Prime Minister Najib Mikati said, according to the BBC.');
    expect(chainFor(text, 'CNN', 'The blast')).toBe('CNN > BBC > Najib Mikati');
  });
  it('keeps the outlet when its frame closes the clause after the speaker\'s ("..., Al Jazeera reported")', () => {
    expect(chainFor(article('Houthi spokesman Yahya Saree said the group fired two missiles at the ship, Al Jazeera reported on Tuesday.'), 'CNN', 'Houthi')).toBe('CNN > Al Jazeera > Yahya Saree');
    expect(chainFor(article('Houthi spokesman Yahya Saree said the group fired two missiles at the ship, reports Al Jazeera.'), 'CNN', 'Houthi')).toBe('CNN > Al Jazeera > Yahya Saree');
  });
  it('does not take an outlet inside the reported content for the frame', () => {
    expect(chainFor(article('Senator Dianne Feinstein later said she was misunderstood, and an Axios report accused the Times of having the story backwards.'), 'CNN', 'Senator')).toBe('CNN > Dianne Feinstein');
  });
});

describe('role nouns ("the group") across sentences', () => {
  it('read the subject that named the group, not a group in its apposition', () => {
    const text = article('The Abdullah Azzam Brigades, a Sunni jihadist group linked to al Qaeda, claimed responsibility for the bombings on Twitter. The group warned that more attacks would come.');
    expect(chainFor(text, 'CNN', 'The group warned')).toBe('CNN > Abdullah Azzam Brigades');
  });
  it('read the subject of the nearest sentence naming a group when no group spoke', () => {
    const text = article('Hezbollah, an ally of Hamas, was founded in the 1980s. The group said it would retaliate for the strike.');
    expect(chainFor(text, 'CNN', 'The group said')).toBe('CNN > Hezbollah');
  });
});
