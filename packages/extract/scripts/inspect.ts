// Prints what the extractor finds in one file: npx tsx scripts/inspect.ts <path> [outlet] [events|actors|claims|sent|meta]
import { readFileSync } from 'node:fs';
import { extract } from '../src/index.js';
const f = process.argv[2] as string;
const r = extract({ text: readFileSync(f, 'utf8'), outlet: process.argv[3] ?? 'unknown' });
const what = process.argv[4] ?? 'events';
if (what === 'events')
  for (const e of r.events)
    console.log(
      e.key,
      e.type,
      e.date.value,
      e.date.precision,
      JSON.stringify(e.date.text),
      '|',
      e.surface.text.slice(0, 60),
    );
if (what === 'actors')
  for (const a of r.actors)
    console.log(a.key, a.kind, a.canonicalName, '|', a.aliases.map((x) => `${x.alias}:${x.kind}`).join(', '));
if (what === 'claims')
  for (const c of r.claims)
    console.log(
      c.modality,
      c.attribution.map((n) => `${n.label}(${n.kind})`).join(' > '),
      '|',
      r.body.slice(c.evidence.start, c.evidence.end).slice(0, 80),
      JSON.stringify(c.slots),
    );
if (what === 'sent') for (const s of r.sentences) console.log(JSON.stringify(s.text.slice(0, 100)));
if (what === 'meta') console.log(r.title, r.published, r.removedLines);
