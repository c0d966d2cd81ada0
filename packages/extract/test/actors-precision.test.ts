// Actor precision rules on political news shapes; each case fails without its rule.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { candidateSpans, headlineShaped, splitAtNonNameWords, trimObligatoryCaps } from '../src/actors/candidates.js';
import { appositiveOrgKind, cueOrgKind } from '../src/actors/merge.js';
import { tokenize } from '../src/actors/tokens.js';
import { findActors } from '../src/actors/index.js';
import { actorNames, stageInputs } from './actors-helpers.js';

const B = 'Body starts here.\n\n';
const spans = (text: string) => {
  const { ix, lk } = stageInputs(B + text);
  return candidateSpans(ix, lk)
    .map((c) => trimObligatoryCaps(ix, lk, c))
    .filter((c) => c !== null)
    .map((c) => ix.body.slice(ix.tokens[c.from]!.start, ix.tokens[c.to - 1]!.end));
};
const kinds = (text: string) => {
  const { body, sentences, bylineNames, skip } = stageInputs(B + text);
  void body;
  void sentences;
  void bylineNames;
  void skip;
  return actorNames(B + text);
};

describe('candidate spans: words that are never part of a name', () => {
  it('cuts weekday and month tails and heads', () => {
    expect(
      spans('The Supreme Court Friday ruled. Later, Secretary Pompeo Sunday said so. Late Monday, he left.'),
    ).toEqual(['Supreme Court', 'Secretary Pompeo']);
  });
  it('keeps a month that opens a name', () => {
    expect(spans('The reporter April Ryan asked a question.')).toEqual(['April Ryan']);
  });
  it('cuts Title Case function words, the pronoun I and "Team"', () => {
    expect(spans('He wrote Opposition To The plan. Suppose I go? Team Trump said no.')).toEqual([
      'Opposition',
      'Trump',
    ]);
    expect(spans('It ran as Pool Photo Collins said.')).toEqual(['Collins']);
  });
  it('gives nothing from runs in capitals or events', () => {
    expect(spans('Then SCHIFF SAYS it. Hurricane Harvey hit and Eid al-Adha began as USA TODAY said.')).toEqual([
      'USA TODAY',
    ]);
  });
  it('skips headline-shaped sentences', () => {
    expect(headlineShaped('Richest Towns Fight Affordable Housing In Court')).toBe(true);
    expect(headlineShaped("TRUMP SAYS COHEN'S DEAL IS OFF")).toBe(true);
    expect(headlineShaped('Senate Majority Leader Mitch McConnell said Tuesday the vote would wait.')).toBe(false);
  });
  it('joins "and"/"&" inside an organisation name but not two names', () => {
    expect(
      spans(
        'The House Oversight and Reform Committee met. McKinsey & Company paid. The Pentagon and US Central Command said.',
      ),
    ).toEqual(['House Oversight and Reform Committee', 'McKinsey & Company', 'Pentagon', 'US Central Command']);
  });
  it('opens a name with a lower-case particle', () => {
    expect(spans('A group linked to al Qaeda claimed it.')).toEqual(['al Qaeda']);
  });
  it('splits a participle suffix off a name', () => {
    expect(tokenize('Iranian-backed Qaeda-linked US-Iran').map((t) => t.text)).toEqual([
      'Iranian',
      '-',
      'backed',
      'Qaeda',
      '-',
      'linked',
      'US-Iran',
    ]);
  });
  it('splitAtNonNameWords returns the pieces between the cuts', () => {
    const { ix } = stageInputs(B + 'Then Pompeo Sunday Trump spoke at length.');
    const from = ix.tokens.findIndex((t) => t.text === 'Pompeo');
    expect(
      splitAtNonNameWords(ix, from, from + 3, ix.sentOf[from]!).map((c) =>
        ix.tokens
          .slice(c.from, c.to)
          .map((t) => t.text)
          .join(' '),
      ),
    ).toEqual(['Pompeo', 'Trump']);
  });
  it('drops a sentence-initial word the text also writes in lower case', () => {
    expect(spans('Following Trump, they left. Aides were following the plan.')).toEqual(['Trump']);
    expect(spans('Assuming Michael Cohen tells the truth, it ends.')).toEqual(['Michael Cohen']);
  });
});

describe('typing and merging', () => {
  it('reads organisation kinds from appositions and head nouns', () => {
    expect(appositiveOrgKind(', the company that hired him')).toBe('COMPANY');
    expect(appositiveOrgKind(', the Lebanon news agency.')).toBe('MEDIA');
    expect(appositiveOrgKind(", the group's military spokesman")).toBe(null);
    expect(cueOrgKind('told state news agency ')).toBe('MEDIA');
    expect(cueOrgKind('the gas company ')).toBe('COMPANY');
  });
  it('finds single-word companies and agencies by those cues', () => {
    const names = kinds(
      'He sat on the board of Burisma, the company that hired him. Mikati told state news agency NNA. NNA said more.',
    );
    expect(names).toEqual(expect.arrayContaining(['Burisma', 'NNA']));
  });
  it('parties, the House and bare publication words', () => {
    const names = kinds('House Democrats and the GOP fought. The Journal said the vote failed.');
    expect(names).toEqual(expect.arrayContaining(['Democratic Party', 'Republican Party']));
    expect(names).not.toContain('Journal');
  });
  it('a lone name after "bin" is not that person\'s surname', () => {
    const names = kinds('Crown Prince Mohammed bin Salman met aides. King Salman said he knew nothing.');
    expect(names).toEqual(expect.arrayContaining(['Mohammed bin Salman', 'Salman']));
  });
  it('places and demonym pairs are not actors', () => {
    const names = kinds(
      'Aides on Capitol Hill and in the West Wing said the Saudi Arabian envoy, a Lebanese Sunni cleric, left.',
    );
    expect(names).toEqual(['Saudi Arabia', 'Lebanon']);
  });
  it('a name after a kinship noun or before "himself" is a person', () => {
    expect(kinds("The president's daughter Ivanka left. Later Trump himself stayed.")).toEqual(
      expect.arrayContaining(['Ivanka', 'Trump']),
    );
  });
  it('an organisation before an office title, then the person', () => {
    expect(kinds('House Intelligence Chairman Adam Schiff said the inquiry would go on.')).toEqual(
      expect.arrayContaining(['House Intelligence', 'Adam Schiff']),
    );
  });
  it('a name before a comma-set region or after "city of" is a place', () => {
    const names = kinds(
      'The former South Bend, Indiana, mayor spoke. Drones hit the Saudi city of Jizan, the group said. Aides to Ebrahim Ansari, Iran’s attache, spoke.',
    );
    expect(names).not.toContain('South Bend');
    expect(names).not.toContain('Jizan');
    expect(names).toContain('Ebrahim Ansari');
  });
  it("an acronym spelling an organisation's initials joins it", () => {
    const { body, sentences, skip } = stageInputs(
      B + 'The National News Agency said it. Officials told NNA, the Lebanon news agency, more.',
    );
    const a = findActors(body, sentences, { bylineNames: [], skip }).actors;
    expect(
      a.filter((x) => x.canonicalName === 'National News Agency').map((x) => x.aliases.map((y) => y.alias)),
    ).toEqual([['National News Agency', 'NNA']]);
    expect(a.some((x) => x.canonicalName === 'NNA')).toBe(false);
  });
  it('a place after "in" ends an organisation name; a capital may not', () => {
    expect(
      spans(
        'The United Nations General Assembly in New York met while the Gulf States Institute in Washington watched.',
      ),
    ).toEqual(['United Nations General Assembly', 'New York', 'Gulf States Institute in Washington']);
    expect(kinds('The United Nations General Assembly in New York met.')).toEqual(['United Nations General Assembly']);
  });
  it('contractions, age compounds, regional adjectives and dangling connectors are not names', () => {
    expect(
      spans('Then I’ve said They’re fine. The Nine-year-old Faizan Muhammad ran. He loves Middle Eastern food.'),
    ).toEqual(['Faizan Muhammad', 'Middle Eastern']);
    expect(kinds('He loves Middle Eastern food and South Asian music.')).toEqual([]);
  });
  it('an organisation-only title after an unknown word makes that word the organisation', () => {
    expect(kinds('Later Newsmax CEO Chris Ruddy said the network would grow.')).toEqual(
      expect.arrayContaining(['Newsmax', 'Chris Ruddy']),
    );
  });
  it('a run of words the text also writes in lower case is a Title Case phrase, not a person', () => {
    const names = kinds(
      'The Deferred Action program ended. Critics said deferred action was unfair. Janet Napolitano defended it.',
    );
    expect(names).toEqual(['Janet Napolitano']);
  });
  it('office tails and clock words name no one; "<head> of <known name>" is one organisation', () => {
    expect(
      kinds('A Senior Adviser spoke at 9 A.M. EST, and the Zionist Organization of America said it agreed.'),
    ).toEqual(['Zionist Organization of America']);
  });
});

describe('actor precision on real political text', () => {
  it('the tail of a name whose head is known is no actor of its own ("of Delegates")', () => {
    expect(kinds('The bill passed the Virginia House of Delegates on Monday.')).not.toContainEqual(
      expect.stringMatching(/^of |Delegates/),
    );
  });
  it('"Chief of Staff" is one title before the name', () => {
    expect(kinds('Acting Chief of Staff Mick Mulvaney said it was over.')).toEqual(['Mick Mulvaney']);
  });
  it('the field or place before an office is not part of the person ("Commerce Secretary Wilbur Ross")', () => {
    expect(kinds('Commerce Secretary Wilbur Ross agreed, and Senior Legal Analyst Jeffrey Toobin laughed.')).toEqual([
      'Wilbur Ross',
      'Jeffrey Toobin',
    ]);
    expect(kinds('Retired Army Colonel Steve Toft spoke.')).toEqual(['Steve Toft']);
  });
  it('discourse openers after a quotation mark open no name', () => {
    expect(kinds('He said: "Like Obama, Romney Hale failed." Perhaps Rubio Adams knows.')).toEqual([
      'Romney Hale',
      'Rubio Adams',
    ]);
  });
  it('eras, diseases and zones are no actors', () => {
    expect(
      kinds(
        'The Great Recession and the Great Depression hurt, and Rocky Mountain Spotted Fever spread to the Green Zone.',
      ),
    ).toEqual([]);
  });
  it("a country's name inside a person's name is the person, and the lone surname later too", () => {
    const { body, sentences, skip } = stageInputs(
      B + 'Rep. Jim Jordan said the probe was a sham. Acting Secretary Chad Wolf agreed with Jordan.',
    );
    const a = findActors(body, sentences, { bylineNames: [], skip }).actors;
    expect(a.map((x) => `${x.canonicalName} ${x.kind}`)).toEqual(['Jim Jordan PERSON', 'Chad Wolf PERSON']);
    expect(a[0]!.mentions.length).toBe(2);
  });
  it('a country name after an adjective stays the country', () => {
    expect(kinds('He toured Nazi Germany and Greater Syria.')).toEqual(['Germany', 'Syria']);
  });
  it('"Georgia" is the US state unless the text says Georgian or Tbilisi', () => {
    expect(kinds('Trump flew to Florida and Georgia on Monday.')).not.toContain('Georgia');
    expect(kinds('Russia attacked Georgia in 2008, and Georgian troops fell back to Tbilisi.')).toContain('Georgia');
  });
  it("a possessive is no part of an organisation's name", () => {
    expect(kinds('The Parks Department’s report came out, and the Office of Government Ethics’ rules apply.')).toEqual([
      'Parks Department',
      'Office of Government Ethics',
    ]);
  });
  it('a run ending in an abstract noun names a thing; surnames and institutions with such endings stay', () => {
    expect(kinds('The Constitution says so, the Trans-Pacific Partnership said nothing and Taxation rose.')).toEqual(
      [],
    );
    expect(kinds('Sean Hannity said it, and Eliot Ness agreed with the Brookings Institution.')).toEqual([
      'Sean Hannity',
      'Eliot Ness',
      'Brookings Institution',
    ]);
  });
  it('a phrase in single quotes is a label being cited, not an actor; a single-quoted quotation still names people', () => {
    expect(kinds("They mocked the ‘Green New Deal’ plan and called him 'Crazy Bernie' twice.")).toEqual([]);
    expect(kinds('Later she said: ‘Boris Johnson’s speech was long.’')).toEqual(['Boris Johnson']);
  });
  it('a noun after a possessive name is its possession, not the head of a place name', () => {
    expect(kinds('Yesterday Angela Merkel’s plan was dead, and Vladimir Putin’s war went on.')).toEqual([
      'Angela Merkel',
      'Vladimir Putin',
    ]);
  });
  it('the press covering the White House is not the White House; its aides and its statements are', () => {
    expect(kinds('Trump told White House reporters the news.')).not.toContain('White House');
    expect(kinds('Trump told the news to White House aides, and the White House said no.')).toContain('White House');
  });
  it('"<head> of <name>" is an organisation', () => {
    const { body, sentences, skip } = stageInputs(B + 'The Department of Fisheries said so.');
    expect(
      findActors(body, sentences, { bylineNames: [], skip }).actors.map((x) => `${x.canonicalName} ${x.kind}`),
    ).toEqual(['Department of Fisheries ORGANIZATION']);
  });
});

describe('lines addressed to the reader', () => {
  it('names no actor in a call to action ("Want the best from X in your inbox?")', () => {
    const names = actorNames(
      B + 'Maria Lopez met the Federal Reserve on Monday.\n\nWant the best from Planet Weekly News in your inbox?',
    );
    expect(names).toContain('Maria Lopez');
    expect(names.join('|')).not.toMatch(/Planet Weekly/);
  });
});

describe('typing errors: surnames, mastheads, programmes, agencies, run-on names', () => {
  it('a plural title opens a list of people: a surname that is a country stays a surname ("Reps. Jim Jordan")', () => {
    const names = kinds('Reps. Jim Jordan and Mike Turner explained where the inquiry stands.');
    expect(names).toEqual(['Jim Jordan', 'Mike Turner']);
  });
  it('joins the fields after "<head> of" across "and", not a name of its own', () => {
    expect(
      spans(
        'The spokesman for Department of Taxation and Finance spoke. The Department of Defense and Ukraine agreed.',
      ),
    ).toEqual(['Department of Taxation and Finance', 'Department of Defense', 'Ukraine']);
  });
  it('reads a possessive written with a bare apostrophe after a capital S ("CBS\' program")', () => {
    const { body, sentences, skip } = stageInputs(
      B + 'The president said in an interview on CBS’ program that it was.',
    );
    const [a] = findActors(body, sentences, { bylineNames: [], skip }).actors;
    expect(a?.canonicalName).toBe('CBS News');
    expect(a?.aliases.map((x) => x.alias)).toEqual(['CBS']);
  });
  it('a name in double quotes after a possessive is a programme or work, not an actor', () => {
    const names = kinds(
      'Biden spoke Friday on MSNBC’s “Morning Joe.” Cummings said on CNN’s “State of the Union,” then left.',
    );
    expect(names).toContain('MSNBC');
    expect(names).toContain('CNN');
    expect(names).not.toContain('Morning Joe');
    expect(names).not.toContain('State of the Union');
    expect(kinds('“Morning Joe,” Smith said, was over.')).not.toContain('MSNBC');
  });
  it('a newspaper named for its city is the newspaper, not a person ("the Boston Globe")', () => {
    expect(kinds('James Pindell of the Boston Globe wrote that the surge was in doubt.')).toEqual([
      'James Pindell',
      'Boston Globe',
    ]);
  });
  it('splits an organisation run on into a person ("Judiciary Committee Elijah Cummings"), the known body joining it', () => {
    const names = kinds(
      'Last weekend, the Ranking Member of the House Judiciary Committee Elijah Cummings said it was over. Cummings cited a source.',
    );
    expect(names).toContain('House Judiciary Committee');
    expect(names).toContain('Elijah Cummings');
    expect(names.join('|')).not.toMatch(/Committee Elijah/);
    expect(kinds('The Times Square Alliance said it would open.')).toEqual(['Times Square Alliance']);
  });
  it('a run ending in "Index" or "Average" is a measure, not an actor', () => {
    expect(kinds('The Dow Jones Industrial Average fell, and Sweden tops the Global Innovation Index.')).toEqual([
      'Sweden',
    ]);
  });
  it('a demonym ends a person\'s name before a reporting verb ("Stephen Danish said")', () => {
    expect(kinds('The head of school Stephen Danish said the school agreed. Danish officials said no.')).toEqual([
      'Stephen Danish',
      'Denmark',
    ]);
  });
  it('a surname with its particle is the person whose full name ends with it ("Mr. Abu Khattalah")', () => {
    expect(kinds('One of them is Ahmed Abu Khattalah, a founder. Mr. Abu Khattalah was seen there.')).toEqual([
      'Ahmed Abu Khattalah',
    ]);
  });
  it('"The Times" after "the New York Times" is that paper named again (a real wire story, fixture fx15)', () => {
    const text = readFileSync(new URL('./fixtures/texts/fx15_taxprobe_bloomberg.txt', import.meta.url), 'utf8');
    const { body, sentences, skip } = stageInputs(text);
    const media = findActors(body, sentences, { bylineNames: [], skip }).actors.filter((a) => a.kind === 'MEDIA');
    expect(media.map((a) => a.canonicalName)).toEqual(['The New York Times']);
    expect(media[0]?.aliases.map((x) => x.alias)).toContain('The Times');
  });
  it('a body of water or landform named for a country is a place ("Gulf of Oman"), and so is a plant or reactor', () => {
    expect(kinds('It followed the attack on two tankers in the Gulf of Oman and in the Bay of Bengal.')).toEqual([]);
    expect(kinds('Iran needs fuel for its Bushehr Nuclear Power Plant and the Tehran Research Reactor.')).toEqual([
      'Iran',
    ]);
  });
});

/** "KIND canonical name" of each actor found. */
const typedNames = (text: string) => {
  const { body, sentences, skip } = stageInputs(B + text);
  return findActors(body, sentences, { bylineNames: [], skip }).actors.map((a) => `${a.kind} ${a.canonicalName}`);
};

describe('organisation names with lower-case words, and acronyms as bodies', () => {
  it('keeps "<head> of/for <field>" and "and" after it in one organisation', () => {
    expect(
      typedNames(
        'The Lakeside Observatory for Civil Liberties said ten died. The Parish Church of Norland said it would help. ' +
          'The Federal Bureau of Water Safety said so. The Institute for Bird Health and Prevention said more.',
      ),
    ).toEqual([
      'ORGANIZATION Lakeside Observatory for Civil Liberties',
      'ORGANIZATION Parish Church of Norland',
      'ORGANIZATION Federal Bureau of Water Safety',
      'ORGANIZATION Institute for Bird Health and Prevention',
    ]);
  });
  it('joins a name whose head is "Protection" or "Enforcement" across "and"', () => {
    expect(
      typedNames('Harbor and Coast Protection said 200 boats were held. Tax and Tariff Enforcement agreed.'),
    ).toEqual(['ORGANIZATION Harbor and Coast Protection', 'ORGANIZATION Tax and Tariff Enforcement']);
  });
  it('a head right after "and" opens a second name ("Jane Roe and Chamber of Trade")', () => {
    expect(typedNames('Union chief Jane Roe and Chamber of Trade head Tom Moe spoke.')).toEqual([
      'PERSON Jane Roe',
      'ORGANIZATION Chamber of Trade',
      'PERSON Tom Moe',
    ]);
  });
  it('drops the words before a known name that end on "of" ("Republic of" + a country)', () => {
    expect(typedNames('The Republic of Ireland said it would help.')).toEqual(['STATE Ireland']);
  });
  it('an unknown acronym that speaks or has staff is an organisation, not a person', () => {
    expect(
      typedNames('The NWQB said water was safe. Later the NWQB added more. XPRA officials said cases doubled.'),
    ).toEqual(['ORGANIZATION NWQB', 'ORGANIZATION XPRA']);
    expect(typedNames('He earned an MBA and the TPP passed.')).toEqual([]);
  });
});

describe('words around a name that are no person of the story', () => {
  it('"the Varga administration" or "government" names the state\'s executive, not the person', () => {
    expect(typedNames('The Varga administration said it would appeal, and the Lenz government agreed.')).toEqual([]);
  });
  it('drops a sentence adverb before a name', () => {
    expect(typedNames('Ultimately Jane Doe won the seat. Hopefully Jo Roe agrees.')).toEqual([
      'PERSON Jane Doe',
      'PERSON Jo Roe',
    ]);
  });
  it('a name only ever written after "in" or "near" is a place, unless described as someone', () => {
    expect(typedNames('She spoke in Maple Bluffs on Friday and near Maple Bluffs later.')).toEqual([]);
    expect(typedNames('They brought in Jo Smith, a lawyer, to help.')).toEqual(['PERSON Jo Smith']);
  });
});

describe('long official names and the words before a person', () => {
  it('a resident noun before a name is no part of it ("Iowan Jo Varga", "Texan", "Floridian")', () => {
    expect(typedNames('Iowan Jo Varga said the vote was close. Texan Amy Lenz and Floridian Tom Moe agreed.')).toEqual([
      'PERSON Jo Varga',
      'PERSON Amy Lenz',
      'PERSON Tom Moe',
    ]);
    // A place's own name is no resident noun.
    expect(typedNames('The Washington Post’s Jo Varga said so.')).toEqual([
      'MEDIA The Washington Post',
      'PERSON Jo Varga',
    ]);
  });
  it('"Director of <Field> Name Name": the field joins the title, the person keeps only the name', () => {
    expect(typedNames('Director of Communications Jo Varga said the plan was sound.')).toEqual(['PERSON Jo Varga']);
    expect(typedNames('Director of National Statistics Amy Lenz said so.')).toEqual(['PERSON Amy Lenz']);
  });
  it('"<Demonym> army" is the state\'s army, a body of its own', () => {
    expect(typedNames('The Iraqi army said it held the town, doubting the Lebanese army’s reach.')).toEqual([
      'ORGANIZATION Iraqi army',
      'ORGANIZATION Lebanese army',
    ]);
  });
  it('"<place> government" or "administration" is the executive of a place that is no state, one body', () => {
    expect(
      typedNames('The Hong Kong government said it would act. An official in the Hong Kong administration agreed.'),
    ).toEqual(['ORGANIZATION Hong Kong government']);
  });
  it('a title after "<head> of the" is part of the organisation\'s name', () => {
    expect(typedNames('The Office of the Director of Public Works said roads were closed.')).toEqual([
      'ORGANIZATION Office of the Director of Public Works',
    ]);
  });
});

describe('titles without points, bodies that take "on", and squares', () => {
  it('reads "Gov", "Sen" and "Rep" without their points as titles, not part of the name', () => {
    expect(typedNames('Gov Jo Varga said so. Sen Amy Lenz agreed.')).toEqual(['PERSON Jo Varga', 'PERSON Amy Lenz']);
  });
  it('"<Committee|Council|Panel> on <Field>" is one organisation; a weekday after "on" is none of it', () => {
    expect(
      typedNames(
        'The Panel on Water Quality and Farm Runoff said so. The Council on Monday voted, and the Varga Committee on Friday.',
      ),
    ).toEqual(['ORGANIZATION Panel on Water Quality and Farm Runoff', 'ORGANIZATION Varga Committee']);
  });
  it('a plaza or a memorial is a place', () => {
    expect(typedNames('Crowds filled Jo Varga Plaza and the Amy Lenz Memorial on Sunday.')).toEqual([]);
  });
});

describe("a country's name opening an untitled name", () => {
  it('is a person after a lower-case office or before an apposition ("administrator Chad Varga", "Chad Lenz, the ...")', () => {
    expect(typedNames('The letter went to acting administrator Chad Varga on Friday.')).toEqual(['PERSON Chad Varga']);
    expect(typedNames('It was sent to Chad Lenz, the deputy head of the agency.')).toEqual(['PERSON Chad Lenz']);
    expect(typedNames('Troops left Chad Sunday.')).toEqual(['STATE Chad']);
  });
});

describe('offices of courts, prosecutors, police and local government before a name', () => {
  it('a court, a district or a city before the office is not part of the person ("District Judge", "City Councilor")', () => {
    expect(
      typedNames(
        'Federal District Judge Jo Varga ruled. Tulsa City Councilor Amy Lenz objected. Ocean County Prosecutor Tom Reyes said so.',
      ),
    ).toEqual(['PERSON Jo Varga', 'PERSON Amy Lenz', 'PERSON Tom Reyes']);
  });
  it('"Deputy Solicitor General Jo Varga" is the person, and "Varga" later the same one', () => {
    expect(typedNames('Deputy Solicitor General Jo Varga argued. Yes, Varga replied.')).toEqual(['PERSON Jo Varga']);
  });
  it('a court before a judge is a body of its own ("District Court Judge")', () => {
    expect(typedNames('Superior Court Judge Jo Varga ruled.')).toEqual([
      'ORGANIZATION Superior Court',
      'PERSON Jo Varga',
    ]);
  });
  it('counsel, attorney, officer, councilor, PM and plural "Justices" are titles', () => {
    expect(
      typedNames(
        'Counsel Jo Varga left. Attorney Amy Lenz and Officer Tom Reyes spoke. Councilor Ana Ruiz and PM Lee Moss met. Justices Kim Dole and Sam Tate dissented.',
      ),
    ).toEqual([
      'PERSON Jo Varga',
      'PERSON Amy Lenz',
      'PERSON Tom Reyes',
      'PERSON Ana Ruiz',
      'PERSON Lee Moss',
      'PERSON Kim Dole',
      'PERSON Sam Tate',
    ]);
  });
  it('a service before a rank is not part of the person ("Army Gen.", "Navy Adm."), nor an officer\'s field', () => {
    expect(typedNames('Army Gen. Jo Varga and Navy Adm. Amy Lenz met Chief Financial Officer Tom Reyes.')).toEqual([
      'PERSON Jo Varga',
      'PERSON Amy Lenz',
      'PERSON Tom Reyes',
    ]);
  });
});

describe('a month that is also a surname', () => {
  it('ends a name after a name word or a title ("Theresa May", "Mrs May", "Ms. May"); one person', () => {
    expect(actorNames(B + 'Prime Minister Jo May spoke. Mrs May said so. Later Ms. May left.')).toEqual(['Jo May']);
  });
  it('stays a date before a number or after a sentence opener ("Parliament May 5", "Come June")', () => {
    expect(spans('The Jo Varga Parliament May 5 sat. Come June the vote falls.')).toEqual(['Jo Varga Parliament']);
  });
});

describe('a quotation in Title Case is a title being cited', () => {
  it('names no actor of its own (a headline, a book), but a quoted list of names does', () => {
    expect(
      actorNames(
        B +
          'Headlines spread, such as “Senator Shocks Voters, Endorses Jo Varga for Mayor.” The voters were shocked. ' +
          'He wrote "Understanding Terror Networks" about terror networks. He named “Amy Lenz, Tom Reyes and Ana Ruiz” as rivals.',
      ),
    ).toEqual(['Amy Lenz', 'Tom Reyes', 'Ana Ruiz']);
  });
});

describe('a company named with and without its corporate suffix', () => {
  it('is one company ("Varga Widgets Inc." and "Varga Widgets")', () => {
    expect(
      typedNames('Varga Widgets Inc. and Lenz General Corp. grew. Varga Widgets said so, and Lenz General agreed.'),
    ).toEqual(['COMPANY Varga Widgets Inc', 'COMPANY Lenz General Corp']);
  });
});

describe('cities named in two words', () => {
  it('are places, not people ("South Bend", "El Paso", "New Orleans")', () => {
    expect(
      typedNames('The mayor of South Bend spoke. Troops in El Paso waited, and Jo Varga left New Orleans.'),
    ).toEqual(['PERSON Jo Varga']);
  });
});

describe('a war, a work named for wars and a jail', () => {
  it('name no actor ("World War II", "post-World War II", "Star Wars", "the Harris County Jail")', () => {
    expect(
      typedNames(
        'Jo Varga served in World War II and saw the post-World War II boom. He liked the “Star Wars” films. ' +
          'He was held at the Harris County Jail.',
      ),
    ).toEqual(['PERSON Jo Varga']);
  });
  it('leave the name before a lower-case "wars" or "jail" alone ("the Jo Varga wars")', () => {
    expect(typedNames('Critics recalled the Jo Varga wars, and Jo Lenz went to jail.')).toEqual([
      'PERSON Jo Varga',
      'PERSON Jo Lenz',
    ]);
  });
});

describe('the residents of a place named in two words', () => {
  it('are no actor ("New Yorkers", "Hong Kongers", "Puerto Ricans", "Middle Easterners"), a surname is ("Tom Peters")', () => {
    expect(
      typedNames(
        'Polls show that many New Yorkers, Hong Kongers, Puerto Ricans, West Virginians and Middle Easterners agree with Tom Peters.',
      ),
    ).toEqual(['PERSON Tom Peters']);
  });
});

describe('well-known companies, outlets and groups whose names read like a person', () => {
  it('are typed from the gazetteer ("Goldman Sachs", "The Daily Beast", "Planned Parenthood")', () => {
    expect(typedNames('Goldman Sachs, the Daily Beast and Planned Parenthood disagreed with Jo Varga.')).toEqual([
      'COMPANY Goldman Sachs',
      'MEDIA The Daily Beast',
      'ORGANIZATION Planned Parenthood',
      'PERSON Jo Varga',
    ]);
  });
  it('a known name runs through its connectors ("Bosnia and Herzegovina"); an arena is a place', () => {
    expect(typedNames('Bosnia and Herzegovina agreed with Jo Varga. Fans filled the Wells Fargo Arena.')).toEqual([
      'STATE Bosnia and Herzegovina',
      'PERSON Jo Varga',
    ]);
  });
});

describe('a title written without its point, or of two words, before a name', () => {
  it('is no part of the name ("Prof Alan Woodward", "Sgt Ron Helus", "Associate Justice ...", "Vice Premier ...")', () => {
    expect(
      typedNames(
        'Prof Jo Varga and Sgt Tim Orlo spoke. Associate Justice Ann Pell and Vice Premier Wu Lan agreed, said Reverend Al Dunn.',
      ),
    ).toEqual(['PERSON Jo Varga', 'PERSON Tim Orlo', 'PERSON Ann Pell', 'PERSON Wu Lan', 'PERSON Al Dunn']);
  });
});

describe('a gathering or an address named like a body', () => {
  it('is no actor ("the Republican National Convention", "the State of the Union")', () => {
    expect(
      typedNames('Jo Varga spoke at the Democratic National Convention, then watched the State of the Union address.'),
    ).toEqual(['PERSON Jo Varga', 'ORGANIZATION Democratic Party']);
  });
});

describe('the U.S. Senate in full', () => {
  it('is the U.S. Senate ("the United States Senate")', () => {
    expect(typedNames('Jo Varga served in the United States Senate, and the Senate honoured her.')).toEqual([
      'PERSON Jo Varga',
      'ORGANIZATION U.S. Senate',
    ]);
  });
});

describe("the president's aircraft", () => {
  it('is no actor ("Air Force One", "Marine One"), like a place', () => {
    expect(typedNames('Jo Varga flew aboard Air Force One. Air Force One landed, and Marine One took off.')).toEqual([
      'PERSON Jo Varga',
    ]);
  });
});

describe('a U.S. executive department by any of its usual names', () => {
  it('is one actor ("Homeland Security Department", "Health and Human Services", "Labor Department", "HUD")', () => {
    const canon = (text: string) => {
      const { body, sentences, skip } = stageInputs(B + text);
      return findActors(body, sentences, { bylineNames: [], skip }).actors.map(
        (a) => `${a.canonicalName} < ${a.aliases.map((x) => x.alias).join(' | ')}`,
      );
    };
    expect(canon('The Homeland Security Department disagreed. Officials at Homeland Security said no.')).toEqual([
      'U.S. Department of Homeland Security < Homeland Security Department | Homeland Security',
    ]);
    expect(
      canon('Health and Human Services and the Labor Department spoke; HUD and the Energy Department did not.'),
    ).toEqual([
      'U.S. Department of Health and Human Services < Health and Human Services',
      'U.S. Department of Labor < Labor Department',
      'U.S. Department of Housing and Urban Development < HUD',
      'U.S. Department of Energy < Energy Department',
    ]);
    // A state's department keeps its own name.
    expect(canon('The California Department of Health and Human Services disagreed.')).toEqual([
      'California Department of Health and Human Services < California Department of Health and Human Services',
    ]);
  });
});

describe('a nickname in double quotes inside a name', () => {
  it("stays inside the person's name, and the nickname with the surname is the same person", () => {
    expect(
      typedNames(
        'Rep. Henry C. “Hank” Johnson Jr. spoke. Lewis "Scooter" Libby was convicted, Scooter Libby appealed and Libby lost.',
      ),
    ).toEqual(['PERSON Henry C. “Hank” Johnson Jr', 'PERSON Lewis "Scooter" Libby']);
  });
});

describe('organisations named with a plural head, a firm head or a possessive firm', () => {
  it('a plural head takes its connector like a singular one ("National Institutes of Health", "... Foundations")', () => {
    expect(typedNames('The National Institutes of Health and the Open Society Foundations agreed.')).toEqual([
      'ORGANIZATION National Institutes of Health',
      'ORGANIZATION Open Society Foundations',
    ]);
  });
  it('"Analytics" heads a firm, also after its name in the possessive', () => {
    expect(typedNames('Jo Varga of Advertising Analytics and an economist at Moody’s Analytics agreed.')).toEqual([
      'PERSON Jo Varga',
      'COMPANY Advertising Analytics',
      'COMPANY Moody’s Analytics',
    ]);
  });
  it('an office before the body or after its connector, or a possessive after it, is no part of its name', () => {
    expect(typedNames('The Brennan Institute for Public Policy Director Jo Varga spoke.')).toEqual([
      'ORGANIZATION Brennan Institute for Public Policy',
      'PERSON Jo Varga',
    ]);
    expect(typedNames('Jo Varga, Director of the Gulf States Institute in Washington, spoke.')).toEqual([
      'PERSON Jo Varga',
      'ORGANIZATION Gulf States Institute in Washington',
    ]);
    expect(typedNames('The National Organization for Marriage’s president spoke.')).toEqual([
      'ORGANIZATION National Organization for Marriage',
    ]);
  });
});

describe('a possessive inside an organisation’s name', () => {
  it('an office’s or a plural group’s possessive before the head is the name’s own, an owner’s is not', () => {
    expect(
      typedNames(
        'The Wyoming Attorney General’s Office and the National Sheriffs’ Association agreed. The White House Correspondents’ Association spoke.',
      ),
    ).toEqual([
      'ORGANIZATION Wyoming Attorney General’s Office',
      'ORGANIZATION National Sheriffs’ Association',
      'ORGANIZATION White House Correspondents’ Association',
    ]);
    expect(typedNames('Gary Peters’ Office said so, and Trump’s Justice Department agreed.')).toEqual([
      'PERSON Gary Peters',
      'ORGANIZATION Office',
      'ORGANIZATION U.S. Department of Justice',
    ]);
  });
});

describe('a country’s name as a first name', () => {
  it('a country’s one-word name before a word that only names a person opens that person’s name', () => {
    expect(
      typedNames(
        'Fox News’ Chad Pergram contributed to this report. Jordan Klepper joked, and I asked Chad H. Griffin.',
      ),
    ).toEqual(['MEDIA Fox News', 'PERSON Chad Pergram', 'PERSON Jordan Klepper', 'PERSON Chad H. Griffin']);
  });
  it('not a plural, a title, nor after an article or a preposition', () => {
    expect(
      typedNames(
        'Iraq and Afghanistan Veterans of America met Singapore Minister Vivian Balakrishnan in Jordan Tuesday.',
      ),
    ).toEqual([
      'STATE Iraq',
      'STATE Afghanistan',
      'STATE United States',
      'STATE Singapore',
      'PERSON Vivian Balakrishnan',
      'STATE Jordan',
    ]);
  });
});

describe('the tail of a body’s name after a plural and "for"', () => {
  it('names no actor of its own ("the Centers for Disease Control and Prevention", "Students for Fair Admissions")', () => {
    expect(
      typedNames(
        'Officials at the Centers for Disease Control and Prevention agreed, and a group called Students for Fair Admissions said so.',
      ),
    ).toEqual([]);
  });
  it('but a person after a plural opening its sentence and a body named by its head stay', () => {
    expect(
      typedNames(
        'Attorneys for Vanessa Tyson spoke. Officials at the Centers for Medicare & Medicaid Services said so.',
      ),
    ).toEqual(['PERSON Vanessa Tyson', 'ORGANIZATION Medicare & Medicaid Services']);
  });
});

describe('companies named with a title word', () => {
  it('"General Motors" and "General Electric" are companies, not a general named Motors', () => {
    expect(typedNames('General Motors and General Electric said so.')).toEqual([
      'COMPANY General Motors',
      'COMPANY General Electric',
    ]);
  });
});
