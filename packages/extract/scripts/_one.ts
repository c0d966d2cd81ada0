import { extract } from '../src/index.js';
const r = extract({ text: process.argv[2] as string, outlet: 'X' });
for (const c of r.claims) console.log(c.modality, c.attribution.map((n) => `${n.label}(${n.kind})`).join(' > '), '|', r.body.slice(c.evidence.start, c.evidence.end).slice(0, 80), JSON.stringify(c.slots));
for (const a of r.actors) console.log('  ', a.key, a.kind, a.canonicalName, a.aliases.map((x) => x.alias).join(','));
