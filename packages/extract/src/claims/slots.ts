// Slot values that the cross-article comparison checks: counts, times, report days, roles, scope.
import type { AttributionNode, ClaimSlot } from '@claimgraph/shared';
import type { ActorIndex } from '../actors/index.js';
import type { DateMention } from '../dates.js';
import { NUMBER_WORDS, VAGUE_QUANTIFIERS } from '../gazetteer/lexicon.js';

export interface SlotContext {
  /** Clock time (minutes after midnight) of the last narrated arrival ("landed at 3:36 am"). */
  arrival: { mins: number; place: string } | null;
}
const arrivalPlace = (t: string) => /\b(?:landed|arrived|touched down)\s+(?:\w+\s+){0,3}?(?:in|at|on)\s+(?:the\s+)?(\p{Lu}[\p{L}-]+)/u.exec(t)?.[1] ?? '';
const arrivalSubject = (place: string) => (place ? `arrival at ${place.toLowerCase()} to strike` : 'arrival to strike');

interface Ctx {
  actors: ActorIndex;
  dates: DateMention[];
  chain: AttributionNode[];
  atVerbPos: number;
}

const NUM = '(\\d{1,6}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|several|multiple|numerous|dozens of|hundreds of|thousands of|a few|another|a single)';
const COUNT_RE = new RegExp(`\\b${NUM}\\s+(?:([a-z][a-z-]+|[A-Z][a-zA-Z-]+)\\s+)?([a-z][a-z-]+)\\b`, 'g');
const SKIP_NOUNS = /^(minutes?|hours?|seconds?|days?|weeks?|months?|years?|times?|percent|per|of|and|or|the|a|to|in|on|at|more|less|than|other|such|people's|sides?|instances?)$/;
const ARRIVAL = /\b(landed|arrived|touched down|reached)\b/i;
const STRIKE = /\b(missiles?|strikes?|struck|killed|fired|hit|bombed|attack(?:ed)?)\b/i;
const RANK = ['none', 'few', 'limited', 'some', 'many', 'most', 'all'];

export const singular = (w: string) => w.toLowerCase().replace(/^air(?=strike)/, '').replace(/ies$/, 'y').replace(/(ss)$/, '$1').replace(/([^s])s$/, '$1');
export const verbStem = (w: string) => w.toLowerCase().replace(/(ied|ies)$/, 'y').replace(/(ed|es|ing|s)$/, '').replace(/e$/, '');

export function extractSlots(text: string, offset: number, ctx: Ctx, sc: SlotContext, _sIdx: number): ClaimSlot[] {
  const slots: ClaimSlot[] = [];
  // Counts: "four missiles", "two missiles", "several Hellfire missiles" (vague values never contradict).
  COUNT_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COUNT_RE.exec(text)) !== null) {
    const numW = (m[1] as string).toLowerCase();
    // "several Hellfire missiles" → missiles; "22 missiles at" → missiles
    const w1 = m[2] ?? m[3] as string;
    const w2 = m[2] ? (m[3] as string) : '';
    const noun = w2 && /s$/.test(w2) && !/s$/.test(w1) && !/^(people|men|women|children|police)$/.test(w1) ? w2 : w1;
    if (/^(one|a|an|single)$/.test(numW) || /^number\s*$/.test(text.slice(Math.max(0, m.index - 7), m.index))) continue;
    if (SKIP_NOUNS.test(noun) || !/^[a-z]/.test(noun)) continue;
    if (/^\d{4}$/.test(numW) && +numW > 1900) continue; // a year
    let value: string;
    if (/^\d+$/.test(numW)) value = numW;
    else if (NUMBER_WORDS[numW] !== undefined && numW !== 'another' && numW !== 'a single') value = String(NUMBER_WORDS[numW]);
    else value = `~${numW}`;
    if (VAGUE_QUANTIFIERS.has(numW)) value = `~${numW}`;
    // "another missile" adds to an earlier count in the same claim.
    if (numW === 'another' || numW === 'a single') {
      const prev = slots.find((x) => x.slot === 'count' && x.subject === singular(noun));
      if (prev && /^\d+$/.test(prev.value)) {
        prev.value = String(+prev.value + 1);
        prev.text += ` + ${m[0]}`;
      }
      continue;
    }
    slots.push({ slot: 'count', subject: singular(noun), value, text: m[0] });
  }
  // Report day: "X reported on Thursday night" / "reported Friday".
  const cited = ctx.chain[1];
  if (cited && cited.kind === 'OUTLET' && ctx.atVerbPos >= 0) {
    const dm = ctx.dates.find((d) => d.start >= ctx.atVerbPos && d.start - ctx.atVerbPos <= 30 && (d.precision === 'DAY' || /day\b/i.test(d.text)));
    if (dm) {
      const wd = /(monday|tuesday|wednesday|thursday|friday|saturday|sunday)/i.exec(dm.text)?.[1]?.toLowerCase();
      slots.push({ slot: 'date', subject: `report:${cited.label.toLowerCase()}`, value: dm.day ?? wd ?? dm.text.toLowerCase(), text: dm.text });
    }
  }
  // Roles given in apposition: "X, the deputy head of ...".
  for (const r of ctx.actors.roles) {
    if (r.start >= offset && r.end <= offset + text.length + 1) {
      const a = ctx.actors.byKey.get(r.actorKey);
      if (a) slots.push({ slot: 'role', subject: a.canonicalName, value: r.role, text: r.text });
    }
  }
  // Times: clock times, and the interval between an arrival and the strike.
  for (const tm of text.matchAll(/\b(?:at\s+)?(\d{1,2}):(\d{2})\s*(a\.?m\.?|p\.?m\.?)?/gi)) {
    let h = +(tm[1] as string);
    const mi = +(tm[2] as string);
    if (tm[3] && /p/i.test(tm[3]) && h < 12) h += 12;
    if (tm[3] && /a/i.test(tm[3]) && h === 12) h = 0;
    const mins = h * 60 + mi;
    const after = text.slice((tm.index ?? 0), (tm.index ?? 0) + 120);
    const before = text.slice(Math.max(0, (tm.index ?? 0) - 60), tm.index ?? 0);
    if (ARRIVAL.test(before + after.slice(0, 30))) sc.arrival = { mins, place: arrivalPlace(text) };
    else if (STRIKE.test(after) && sc.arrival !== null && mins > sc.arrival.mins) {
      slots.push({ slot: 'time', subject: arrivalSubject(sc.arrival.place), value: `${mins - sc.arrival.mins}m`, text: tm[0] });
    }
  }
  const rel = /\b(landed|arrived|touched down)\b[^.]{0,160}?\b(seconds|minutes|hours|moments)\s+later\b/i.exec(text);
  if (rel && STRIKE.test(text.slice(rel.index))) {
    const unit = (rel[2] as string).toLowerCase();
    slots.push({ slot: 'time', subject: arrivalSubject(arrivalPlace(text)), value: unit === 'hours' ? '60-1440m' : unit === 'seconds' || unit === 'moments' ? '0-5m' : '1-59m', text: `${rel[2]} later` });
  }
  // Scope: "only reviews airstrikes that ..." vs "the vast majority of the strikes ... have been reviewed".
  const only = /\bonly\s+([a-z]+(?:s|ed))\s+(?:the\s+)?([a-z]+s)\b/.exec(text);
  if (only) slots.push({ slot: 'scope', subject: `${verbStem(only[1] as string)} ${singular(only[2] as string)}`, value: 'limited', text: only[0] });
  const q = /\b(the vast majority|the majority|most|all|nearly all|almost all|some|many|a few|few|none|a handful)\s+of\s+(?:the\s+)?(?:[\p{L}]+['’]s\s+)?([a-z]+)\b[^.]{0,80}?\b(?:have|has|had)\s+been\s+([a-z]+ed)\b/u.exec(text);
  if (q) {
    const qw = (q[1] as string).toLowerCase();
    const value = /majority|most/.test(qw) ? 'most' : /all/.test(qw) ? 'all' : /none/.test(qw) ? 'none' : /few|handful/.test(qw) ? 'few' : qw === 'many' ? 'many' : 'some';
    slots.push({ slot: 'scope', subject: `${verbStem(q[3] as string)} ${singular(q[2] as string)}`, value, text: q[0] });
  }
  return slots;
}

export const SCOPE_RANK = RANK;
