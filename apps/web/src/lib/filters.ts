// Explorer filter state <-> URL search params. The URL is the only store: shareable, and Back works.
import type { ClaimFilter, Modality } from '../__generated__/graphql';

export const MODALITIES: Modality[] = [
  'REPORTED',
  'ALLEGED',
  'CONFIRMED',
  'DENIED',
  'ADMITTED',
  'OPINION',
  'QUOTED_STATEMENT',
];

export interface LabelRef {
  scheme: string;
  value: string;
}

export interface ExplorerState {
  actors: string[]; // Actor global ids
  labels: LabelRef[]; // bias labels: "scheme:value" in the URL, or "scheme" for any value
  match: 'any' | 'all';
  sources: string[]; // Source global ids
  events: string[]; // Event global ids
  modalities: Modality[];
  from: string; // YYYY-MM-DD or ''
  to: string;
  q: string; // full text
  contradicted: boolean;
  view: 'table' | 'cards';
  after: string; // pagination cursor
  page: number; // 1-based, for display only
}

export const EMPTY_STATE: ExplorerState = {
  actors: [],
  labels: [],
  match: 'any',
  sources: [],
  events: [],
  modalities: [],
  from: '',
  to: '',
  q: '',
  contradicted: false,
  view: 'table',
  after: '',
  page: 1,
};

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

function all(p: Params, key: string): string[] {
  if (p instanceof URLSearchParams) return p.getAll(key);
  const v = p[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}
const one = (p: Params, key: string) => all(p, key)[0] ?? '';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** "scheme:value", or just "scheme" for every value of a scheme (e.g. any state-affiliated outlet). */
export function labelKey(l: LabelRef): string {
  return l.value ? `${l.scheme}:${l.value}` : l.scheme;
}

/** Reads the explorer state from URL params; unknown or malformed values are dropped, never fatal. */
export function parseState(p: Params): ExplorerState {
  const labels = all(p, 'label').flatMap((s) => {
    const i = s.indexOf(':');
    if (i < 0) return s.trim() ? [{ scheme: s.trim(), value: '' }] : [];
    return i > 0 && i < s.length - 1 ? [{ scheme: s.slice(0, i), value: s.slice(i + 1) }] : [];
  });
  const page = Number(one(p, 'page'));
  return {
    actors: uniq(all(p, 'actor').filter(Boolean)),
    labels: uniqBy(labels, labelKey),
    match: one(p, 'match') === 'all' ? 'all' : 'any',
    sources: uniq(all(p, 'source').filter(Boolean)),
    events: uniq(all(p, 'event').filter(Boolean)),
    modalities: uniq(all(p, 'modality').filter((m): m is Modality => (MODALITIES as string[]).includes(m))),
    from: DATE.test(one(p, 'from')) ? one(p, 'from') : '',
    to: DATE.test(one(p, 'to')) ? one(p, 'to') : '',
    q: one(p, 'q').slice(0, 500),
    contradicted: one(p, 'contradicted') === '1',
    view: one(p, 'view') === 'cards' ? 'cards' : 'table',
    after: one(p, 'after'),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** Writes the state as a query string (stable key order, defaults omitted). */
export function toSearch(s: ExplorerState): string {
  const u = new URLSearchParams();
  s.actors.forEach((a) => u.append('actor', a));
  s.labels.forEach((l) => u.append('label', labelKey(l)));
  if (s.match === 'all') u.set('match', 'all');
  s.sources.forEach((x) => u.append('source', x));
  s.events.forEach((x) => u.append('event', x));
  s.modalities.forEach((m) => u.append('modality', m));
  if (s.from) u.set('from', s.from);
  if (s.to) u.set('to', s.to);
  if (s.q) u.set('q', s.q);
  if (s.contradicted) u.set('contradicted', '1');
  if (s.view === 'cards') u.set('view', 'cards');
  if (s.after) u.set('after', s.after);
  if (s.page > 1) u.set('page', String(s.page));
  const str = u.toString();
  return str ? `?${str}` : '';
}

/** A filter change always returns to the first page. */
export function withChange(s: ExplorerState, change: Partial<ExplorerState>): ExplorerState {
  const pagination = 'after' in change ? {} : { after: '', page: 1 };
  return { ...s, ...pagination, ...change };
}

/** The GraphQL filter for a state (null when nothing is filtered). */
export function toClaimFilter(s: ExplorerState): ClaimFilter {
  const f: ClaimFilter = {};
  if (s.actors.length) f.actorIds = s.actors;
  if (s.labels.length) {
    f.biasLabels = s.labels.map((l) => (l.value ? { scheme: l.scheme, value: l.value } : { scheme: l.scheme }));
    f.biasLabelMatch = s.match === 'all' ? 'ALL' : 'ANY';
  }
  if (s.sources.length) f.sourceIds = s.sources;
  if (s.events.length) f.eventIds = s.events;
  if (s.modalities.length) f.modalities = s.modalities;
  if (s.from) f.from = s.from;
  if (s.to) f.to = s.to;
  if (s.q.trim()) f.text = s.q.trim();
  if (s.contradicted) f.hasContradictions = true;
  return f;
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
function uniqBy<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

/** Global id of a database row, as the API encodes it (base64 of "Type:id"). */
export function globalId(
  type: 'Claim' | 'Actor' | 'Event' | 'Source' | 'Article',
  databaseId: number | string,
): string {
  const raw = `${type}:${databaseId}`;
  return typeof btoa === 'function' ? btoa(raw) : Buffer.from(raw).toString('base64');
}
