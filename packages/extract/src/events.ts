// Stage 5: events. One event per dated expression, plus one per undated sentence with an event trigger.
import type { EventRole, EventType, ExtractedEvent } from '@claimgraph/shared';
import type { ActorIndex, MentionRec } from './actors/index.js';
import type { DateMention } from './dates.js';
import type { SentenceOut } from './sentences.js';

// Trigger words, in priority order (the first type found wins).
const TRIGGERS: [EventType, RegExp][] = [
  ['CRASH', /\b(crash(?:ed|es)?|shot down|downed|went down)\b/i],
  ['PROTEST', /\b(protest(?:s|ed|ers)?|demonstrat(?:ion|ions|ors|ed)|rall(?:y|ies|ied)|stormed)\b/i],
  ['STRIKE', /\b(air ?strikes?|drone strikes?|missile strikes?|strikes?|struck|air assault|bomb(?:ed|ing|ings)|shell(?:ed|ing)|launch(?:ed|es)? (?:\w+ )?(?:missiles|rockets|drones)|missiles? (?:at|into|against)|fired (?:\w+ )?missiles?)\b/i],
  ['KILLING', /\b(kill(?:ed|ing|s)?|assassinat(?:ed|ion)|murder(?:ed)?|executed|death)\b/i],
  ['ATTACK', /\b(attack(?:s|ed)?|raid(?:s|ed)?|ambush(?:ed)?|rocket attacks?|launched rockets)\b/i],
  ['INVESTIGATION', /\b(investigat(?:e|es|ed|ion|ing)|probe|inquiry|looking into)\b/i],
  ['COORDINATION', /\b(coordinat(?:e|es|ed|ing|ion)|deconfliction|cooperat(?:e|ed|ion)|tip(?:ped)? off|notify|notified)\b/i],
  ['MEETING', /\b(met|meet(?:s|ing)?|phoned|phone call|talks|summit|visit(?:ed)?|call(?:ed)? with)\b/i],
  ['STATEMENT', /\b(said|says|stated|statement|announced|admitted|denied|reported|tweet(?:ed)?|posted|spoke|told|declared|warned|confirmed)\b/i],
];

const AGENT_VERBS = /\b(launched|fired|struck|attacked|killed|carried out|conducted|bombed|raided|stormed|shot|targeted|assassinated)\b/i;

export function findEvents(body: string, sentences: SentenceOut[], dates: DateMention[], actors: ActorIndex): ExtractedEvent[] {
  const events: ExtractedEvent[] = [];
  const bySentence = new Map<number, DateMention[]>();
  for (const d of dates) { const l_ = bySentence.get(d.sentence); if (l_) l_.push(d); else bySentence.set(d.sentence, [d]); }
  const mentionsBySentence = new Map<number, MentionRec[]>();
  for (const m of actors.mentions) { const l_ = mentionsBySentence.get(m.sentence); if (l_) l_.push(m); else mentionsBySentence.set(m.sentence, [m]); }
  const placesBySentence = new Map<number, string>();
  for (const p of actors.places) if (!placesBySentence.has(p.sentence)) placesBySentence.set(p.sentence, p.text);

  sentences.forEach((s, si) => {
    if (s.lineKind !== 'body') return;
    const type = TRIGGERS.find(([, re]) => re.test(s.text))?.[0] ?? null;
    const ds = bySentence.get(si) ?? [];
    if (!type && !ds.length) return;
    const ms = mentionsBySentence.get(si) ?? [];
    const trig = type ? (TRIGGERS.find(([t]) => t === type)?.[1].exec(s.text)?.index ?? 0) + s.start : s.start;
    const roles: { actorKey: string; role: EventRole }[] = [];
    const seen = new Set<string>();
    for (const m of ms) {
      if (seen.has(m.actorKey)) continue;
      seen.add(m.actorKey);
      const before = m.start < trig;
      const kind = actors.byKey.get(m.actorKey)?.kind;
      let role: EventRole = 'PARTICIPANT';
      if (type === 'STRIKE' || type === 'ATTACK' || type === 'KILLING') {
        if (before && AGENT_VERBS.test(body.slice(m.end, Math.min(s.end, m.end + 60)))) role = 'AGENT';
        else if (/\bkill(ed|ing)\b/i.test(s.text) && kind === 'PERSON') role = 'VICTIM';
        else if (!before) role = kind === 'STATE' && /\bin\s+$/.test(body.slice(Math.max(s.start, m.start - 4), m.start)) ? 'LOCATION_OWNER' : 'TARGET';
        else role = 'AGENT';
      } else if (type === 'STATEMENT') role = before ? 'AGENT' : 'TARGET';
      roles.push({ actorKey: m.actorKey, role });
    }
    const summary = s.text.length > 160 ? `${s.text.slice(0, 157)}...` : s.text;
    const place = placesBySentence.get(si) ?? null;
    const background = (d: DateMention | null) => !!d && d.precision === 'YEAR' && /\b(19\d\d)\b/.test(d.text);
    const mk = (d: DateMention | null): ExtractedEvent => ({
      key: `e${events.length}`,
      type: type ?? 'OTHER',
      summary,
      date: d ? { value: d.value, precision: d.precision, text: d.text } : { value: null, precision: 'UNKNOWN', text: null },
      place,
      surface: { start: s.start, end: s.end, text: s.text },
      actors: roles,
      background: background(d),
    });
    if (!ds.length) events.push(mk(null));
    else for (const d of ds) events.push(mk(d));
  });
  return events;
}
