import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, parseState, toClaimFilter, toSearch, withChange } from './filters';

describe('explorer URL state', () => {
  it('round-trips every filter through the query string', () => {
    const state = {
      ...EMPTY_STATE,
      actors: ['QWN0b3I6MQ==', 'QWN0b3I6Mg=='],
      labels: [
        { scheme: 'state-affiliated', value: '' },
        { scheme: 'lean', value: 'right' },
      ],
      match: 'all' as const,
      sources: ['U291cmNlOjM='],
      events: ['RXZlbnQ6NA=='],
      modalities: ['DENIED' as const, 'ALLEGED' as const],
      from: '2020-01-01',
      to: '2020-01-31',
      q: '"four missiles" -drone',
      contradicted: true,
      view: 'cards' as const,
      after: 'eyJpZCI6MTB9',
      page: 3,
    };
    const search = toSearch(state);
    expect(parseState(new URLSearchParams(search))).toEqual(state);
    expect(toSearch(parseState(new URLSearchParams(search)))).toBe(search);
  });

  it('drops malformed values instead of failing', () => {
    const s = parseState({
      modality: ['DENIED', 'NONSENSE'],
      from: '13/01/2020',
      label: [':x', 'lean:', 'lean:left'],
      page: '-4',
      view: 'grid',
    });
    expect(s.modalities).toEqual(['DENIED']);
    expect(s.from).toBe('');
    expect(s.labels).toEqual([{ scheme: 'lean', value: 'left' }]);
    expect(s.page).toBe(1);
    expect(s.view).toBe('table');
  });

  it('returns to the first page when a filter changes, but not when paging', () => {
    const paged = { ...EMPTY_STATE, after: 'c', page: 2 };
    expect(withChange(paged, { q: 'x' })).toMatchObject({ after: '', page: 1, q: 'x' });
    expect(withChange(paged, { after: 'd', page: 3 })).toMatchObject({ after: 'd', page: 3 });
  });

  it('maps a scheme-only label to a BiasLabelInput without value', () => {
    const f = toClaimFilter({ ...EMPTY_STATE, labels: [{ scheme: 'state-affiliated', value: '' }], q: '  missiles ' });
    expect(f).toEqual({ biasLabels: [{ scheme: 'state-affiliated' }], biasLabelMatch: 'ANY', text: 'missiles' });
    expect(toClaimFilter(EMPTY_STATE)).toEqual({});
  });
});
