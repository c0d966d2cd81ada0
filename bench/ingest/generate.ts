// Synthetic corpus for the ingestion benchmark: templated recombinations of actors, outlets, events,
// places, dates, counts and attribution chains (deterministic from a seed), never copies.

const PEOPLE = [
  ['Qasem Soleimani', 'Iranian commander'],
  ['Benjamin Netanyahu', 'Israeli Prime Minister'],
  ['Mike Pompeo', 'US Secretary of State'],
  ['Hassan Rouhani', 'Iranian President'],
  ['Javad Zarif', 'Iranian Foreign Minister'],
  ['Mark Esper', 'US Defense Secretary'],
  ['Abu Mahdi al-Muhandis', 'militia commander'],
  ['Hassan Nasrallah', 'Hezbollah leader'],
  ['Donald Trump', 'US President'],
  ['Ali Khamenei', 'Supreme Leader'],
  ['Naftali Bennett', 'Israeli minister'],
  ['Gina Haspel', 'CIA director'],
  ['Adel Abdul Mahdi', 'Iraqi Prime Minister'],
  ['Bashar al-Assad', 'Syrian President'],
  ['Vladimir Putin', 'Russian President'],
] as const;
const STATES = [
  'Iran',
  'Israel',
  'the United States',
  'Iraq',
  'Syria',
  'Russia',
  'Lebanon',
  'Turkey',
  'Saudi Arabia',
  'China',
];
const ORGS = [
  'the Pentagon',
  'the IRGC',
  'Hezbollah',
  'the Popular Mobilization Forces',
  'the CIA',
  'the UN Security Council',
  'Kataib Hezbollah',
  'the Israeli military',
];
const OUTLETS = [
  'CGTN',
  'Press TV',
  'Reuters',
  'Associated Press',
  'Al Jazeera',
  'The Times of Israel',
  'Haaretz',
  'CNN',
  'Fox News',
  'BBC News',
  'The New York Times',
  'The Wall Street Journal',
  'NBC News',
  'RT',
  'Xinhua News Agency',
  'IRNA',
  'TRT World',
  'The Guardian',
  'American Military News',
  'Anadolu Agency',
];
const PLACES = [
  'Baghdad International Airport',
  'Damascus',
  'Erbil',
  'the Ain al-Asad base',
  'Beirut',
  'the Golan Heights',
  'Tehran',
  'Kirkuk',
  'Al-Tanf',
  'Latakia',
  'the Gulf of Oman',
  'Basra',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const WEAPONS = ['missiles', 'rockets', 'drones', 'artillery shells'];
const SOURCES = [
  'two officials with direct knowledge',
  'a senior diplomat',
  'people familiar with the matter',
  'a military spokesman',
  'local residents',
  'a government statement',
];

/** Mulberry32: a small deterministic PRNG. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedArticle {
  text: string;
  source: string;
  publishedAt: string;
  language: string;
  url: string;
}

export function generateCorpus(n: number, seed = 20200103): GeneratedArticle[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < n; i++) {
    const outlet = pick(OUTLETS);
    const year = int(2019, 2023);
    const month = int(0, 11);
    const day = int(1, 28);
    const date = `${MONTHS[month]} ${day}`;
    const [person, role] = pick(PEOPLE);
    const [person2, role2] = pick(PEOPLE);
    const agent = pick(STATES);
    const target = pick([...STATES, ...ORGS]);
    const place = pick(PLACES);
    const count = int(2, 30);
    const weapon = pick(WEAPONS);
    const cited = pick(OUTLETS);
    const src = pick(SOURCES);
    const killed = int(0, 40);
    const sentences = [
      `${agent} carried out a strike at ${place} on ${date}, killing ${killed} people including ${role} ${person}, ${cited} reported.`,
      `According to ${src}, ${count} ${weapon} were fired at ${target} near ${place}.`,
      `${role2} ${person2} said the attack was "a clear violation of international law" and warned of a response.`,
      `${pick(ORGS)} denied any involvement in the operation, calling the reports "baseless".`,
      `${cited} said ${src} confirmed that ${agent} had coordinated the operation with ${pick(STATES)}.`,
      `Officials in ${pick(STATES)} said ${int(1, 12)} people were wounded and ${int(1, 5)} vehicles were destroyed.`,
      `${person2} met ${person} in ${pick(PLACES)} on ${MONTHS[(month + 11) % 12]} ${int(1, 28)} to discuss the security situation.`,
      `Protesters gathered outside the embassy in ${pick(['Baghdad', 'Tehran', 'Beirut', 'Damascus'])} on ${date}, ${pick(OUTLETS)} reported.`,
      `An investigation by ${pick(ORGS)} found that the ${weapon} were launched from ${pick(PLACES)}, ${src} told ${cited}.`,
      `${agent} has not commented publicly on the report, and ${pick(ORGS)} declined to comment.`,
    ];
    // Shuffle the body's order and keep 5–9 sentences, grouped into paragraphs.
    const body = sentences
      .map((s) => [r(), s] as const)
      .sort((a, b) => a[0] - b[0])
      .slice(0, int(5, 9))
      .map(([, s]) => s);
    const title = `${agent} strike at ${place} kills ${killed}, ${person} among dead`;
    const paragraphs: string[] = [];
    for (let j = 0; j < body.length; j += 2) paragraphs.push(body.slice(j, j + 2).join(' '));
    const iso = `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(28, day + int(0, 2))).padStart(2, '0')}`;
    out.push({
      text: `${title}\n\n${paragraphs.join('\n\n')}\n\nStory ${i} of the benchmark corpus.`,
      source: outlet,
      publishedAt: iso,
      language: 'en',
      url: `https://bench.example/${outlet.toLowerCase().replace(/[^a-z]+/g, '-')}/${year}/${i}`,
    });
  }
  return out;
}
