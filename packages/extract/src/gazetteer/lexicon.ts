// Word lists used by the rules. All general English / news-genre vocabulary.

const set = (s: string) =>
  new Set(
    s
      .split(/[;\n]/)
      .map((x) => x.trim().toLowerCase())
      .filter(Boolean),
  );

/** Titles that precede a person's name (matched case-insensitively, longest first). */
export const TITLES = [
  'prime minister',
  'deputy prime minister',
  'foreign minister',
  'defense minister',
  'defence minister',
  'interior minister',
  'finance minister',
  'minister',
  'president',
  'vice president',
  'former president',
  'supreme leader',
  'leader',
  'secretary of state',
  'secretary of defense',
  'secretary-general',
  'secretary general',
  'defense secretary',
  'defence secretary',
  'state secretary',
  'home secretary',
  'foreign secretary',
  'treasury secretary',
  'press secretary',
  'secretary',
  'national security adviser',
  'national security advisor',
  'security adviser',
  'adviser',
  'advisor',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'ambassador',
  'envoy',
  'special envoy',
  'chancellor',
  'king',
  'queen',
  'prince',
  'crown prince',
  'sheikh',
  'emir',
  'sultan',
  'ayatollah',
  'grand ayatollah',
  'cleric',
  'imam',
  'pope',
  'rabbi',
  'senator',
  'sen.',
  'rep.',
  // Plural titles open a list of names: "Reps. Jim Jordan and Mike Turner".
  'sens.',
  'reps.',
  'representative',
  'congressman',
  'congresswoman',
  'governor',
  'gov.',
  'mayor',
  'general',
  'gen.',
  'major general',
  'maj. gen.',
  'lieutenant general',
  'lt. gen.',
  'brigadier general',
  'brig. gen.',
  'colonel',
  'col.',
  'lt.',
  'lt. col.',
  'lieutenant',
  'sgt.',
  'sergeant',
  'cpl.',
  'pvt.',
  'private',
  'lieutenant colonel',
  'major',
  'maj.',
  'captain',
  'capt.',
  'admiral',
  'adm.',
  'vice admiral',
  'rear admiral',
  'commander',
  'chief',
  'director',
  'director general',
  'deputy director',
  'head',
  'chairman',
  'chairwoman',
  'chair',
  'ceo',
  'judge',
  'justice',
  'mr.',
  'mrs.',
  'ms.',
  'dr.',
  'prof.',
  'professor',
  // … and the same written without the point (British style: "Prof Alan Woodward", "Sgt Ron Helus"); not "Gen", which
  // opens "Gen X".
  'prof',
  'sgt',
  'col',
  'rev',
  'reverend',
  'associate justice',
  'vice premier',
  'deputy ag',
  'sir',
  'lord',
  'lady',
  'marshal',
  'field marshal',
  'speaker',
  'premier',
  'official',
  'lawmaker',
  'analyst',
  'expert',
  'researcher',
  'correspondent',
  'editor',
  'reporter',
  'journalist',
  'attorney general',
  'prosecutor',
  // Abbreviations written without their points ("Gov Ron DeSantis", "Sen Jo Varga").
  'gov',
  'sen',
  'sens',
  'rep',
  'reps',
  'lt gen',
  'maj gen',
  'brig gen',
  'lt col',
  'mr',
  'mrs',
  'ms',
  'dr',
  'rear adm.',
  'vice adm.',
  'rear admiral',
  'majority leader',
  'minority leader',
  'senate majority leader',
  'senate minority leader',
  'house majority leader',
  'house minority leader',
  'house speaker',
  'speaker of the house',
  'whip',
  'majority whip',
  'minority whip',
  'ranking member',
  'chief of staff',
  'white house chief of staff',
  'press secretary',
  'white house press secretary',
  'special counsel',
  'deputy attorney general',
  'acting secretary',
  'first lady',
  'candidate',
  'nominee',
  'host',
  'anchor',
  'columnist',
  'inspector general',
  'solicitor general',
  'surgeon general',
  'lieutenant governor',
  'lt. gov.',
  'commissioner',
  'administrator',
  'founder',
  'co-founder',
  'chief executive',
  'chief justice',
  'president-elect',
  'vice president-elect',
  'assemblyman',
  'assemblywoman',
  'councilman',
  'councilwoman',
  'sheriff',
  'bishop',
  'archbishop',
  'cardinal',
  'pastor',
  'rev.',
  'chief of police',
  'police chief',
  // Offices of the courts, the police and local government ("District Judge X", "White House Counsel X",
  // "Officer X", "City Councilor X", "UK PM X"); "Justices" opens a list like "Reps.".
  'justices',
  'counsel',
  'attorney',
  'district attorney',
  'officer',
  'police officer',
  'detective',
  'councilor',
  'councillor',
  'council member',
  'councilmember',
  'pm',
  'activist',
].sort((a, b) => b.length - a.length);
export const TITLE_SET = new Set(TITLES);

/** Last words that make a capitalised chunk an organisation. The plurals name one body too ("Open Society
 * Foundations", "National Institutes of Health"), and "analytics" a firm ("Civis Analytics"). */
export const ORG_HEADS =
  set(`institutes;foundations;associations;councils;commissions;agencies;organizations;organisations;federations;analytics;
force;forces;corps;guard;guards;ministry;department;agency;service;services;institute;institution;command;council;committee;subcommittee;panel;caucus;
office;bank;airlines;airline;airways;air;group;party;army;navy;university;college;company;corporation;corp;corp.;inc;inc.;ltd;ltd.;llc;association;
organization;organisation;network;coalition;front;movement;brigade;brigades;militia;militias;staff;administration;court;parliament;assembly;
commission;authority;fund;foundation;centre;center;bureau;federation;union;alliance;league;directorate;unit;battalion;division;regiment;
cabinet;senate;congress;police;school;society;trust;board;tribunal;mission;secretariat;club;partners;holdings;industries;
technologies;systems;fleet;squadron;project;initiative;caucus;institution;laboratory;chamber;observatory;protection;enforcement;church;media;register;caller;beacon;examiner;newshour;news;times;post;globe;independent;observer;guardian;standard;express;mirror;monitor;inquirer;journal;tribune;herald;gazette;telegraph;chronicle;daily;tv;television;radio;broadcasting;press`);
export const MEDIA_HEADS = set(
  'register;caller;beacon;examiner;newshour;globe;independent;observer;guardian;standard;express;mirror;monitor;inquirer;news;times;post;journal;tribune;herald;gazette;telegraph;chronicle;daily;tv;television;radio;broadcasting;press;media',
);
export const COMPANY_HEADS = set(
  'analytics;airlines;airline;airways;company;corporation;corp;corp.;inc;inc.;ltd;ltd.;llc;holdings;industries;technologies;systems;group',
);
export const ARMED_HEADS = set('militia;militias;brigade;brigades;battalion');

/** Words that make an unknown capitalised chunk an organisation rather than a person. */
export const ORG_WORDS =
  set(`national;security;international;federal;central;united;islamic;revolutionary;democratic;republic;royal;special;supreme;joint;
affairs;defense;defence;foreign;intelligence;military;naval;armed;border;public;health;energy;oil;petroleum;development;human;rights;global;world;
strategic;studies;research;policy;economic;financial;general;state;states;european;arab;african;asian;american;nuclear;atomic;emergency;civil;
aviation;investigation;counterterrorism;operations;task;relief;red;crescent;cross;popular;mobilization;mobilisation;liberation;resistance`);

/** Last words that make a capitalised chunk a place (never an actor). */
export const PLACE_HEADS =
  set(`airport;base;airbase;river;valley;club;mount;mountain;mountains;street;square;province;governorate;sea;ocean;gulf;island;islands;
desert;bridge;hotel;hospital;road;highway;region;district;camp;port;harbor;harbour;station;crossing;lake;strait;bay;peninsula;county;city;
town;village;plain;plains;heights;hills;border;canal;coast;building;tower;palace;mosque;church;cathedral;temple;stadium;arena;park;field;airfield;
complex;facility;plant;reactor;prison;embassy;consulate;square;plaza;memorial;monument;avenue;boulevard;quarter;neighborhood;neighbourhood;compound;headquarters;war;crisis;agreement;accord;deal;treaty;
operation;conference;summit;forum;games;cup;olympics;day;week;month;act;plan;hall;beach;walk;prize;award;amendment;doctrine;
recession;depression;proclamation;fever;disease;syndrome;lottery;zone;tollway;
`);

/** Words that are never (the start of) a name, even when capitalised at a sentence start. */
export const NON_NAME =
  set(`a;an;the;this;that;these;those;it;its;he;she;they;we;i;you;his;her;their;our;my;your;him;them;us;me;
and;or;but;nor;so;yet;for;if;when;while;whereas;although;though;because;since;after;before;as;once;until;unless;whether;where;
in;on;at;by;to;from;of;with;without;about;among;amid;amidst;into;onto;over;under;between;across;through;during;despite;against;toward;towards;
also;meanwhile;however;furthermore;moreover;nevertheless;still;then;there;here;thus;hence;instead;indeed;later;earlier;now;today;yesterday;
tomorrow;tonight;shortly;hours;minutes;days;weeks;months;years;according;neither;either;both;each;every;all;some;many;most;few;several;
no;not;none;one;two;three;four;five;six;seven;eight;nine;ten;first;second;third;last;next;another;other;such;what;which;who;whom;whose;why;how;
mr;mrs;ms;dr;just;even;only;not;almost;nearly;about;around;more;less;former;current;senior;junior;top;new;old;initial;initially;
monday;tuesday;wednesday;thursday;friday;saturday;sunday;january;february;march;april;may;june;july;august;september;october;november;december;
breaking;update;updated;exclusive;analysis;opinion;editorial;live;watch;read;photo;video;image;source;sources;report;reports;officials;
official;people;outraged;worrying;starting;waiting;spies;advisers;tensions;rocket;americans;hundreds;thousands;dozens;millions;
sunni;sunnis;shiite;shiites;shia;muslim;muslims;christian;christians;jewish;jews;catholic;catholics;evangelical;evangelicals;hispanic;hispanics;
latino;latinos;arab;arabs;team;like;unlike;perhaps;maybe;yes`);

/** First words that make a capitalised run an event or a holiday, never an actor ("Hurricane Harvey", "Eid al-Adha"). */
export const EVENT_OPENERS = set(
  'hurricane;tropical;typhoon;cyclone;storm;operation;eid;ramadan;christmas;easter;thanksgiving;hanukkah;passover;diwali;nowruz;halloween;super',
);

/** Reporting verbs → modality class. */
// Null-prototype maps: a word like "constructor" must not find Object.prototype members.
export const REPORT_VERBS: Record<string, string> = Object.create(null) as Record<string, string>;
const addVerbs = (cls: string, forms: string) => {
  for (const f of forms.split(/\s+/).filter(Boolean)) REPORT_VERBS[f] = cls;
};
addVerbs(
  'say',
  'said says say saying told tells tell telling stated states stating added adds adding noted notes noting explained explains explaining remarked observed wrote writes announced announces announcing declared declares declaring revealed reveals revealing disclosed discloses affirmed affirms reaffirmed stressed stresses emphasized emphasised emphasizes emphasises pointed mentioned indicated indicates replied replies responded responds answered answers retorted asserted asserts argued argues argued recalled recounted alluded described describes described commented posted tweeted warned warns warning demanded demands demanding urged urges urging',
);
addVerbs('report', 'reported reports reporting cited cites citing quoted quotes quoting alluded alludes');
// Base forms after a plural subject ("Health experts warn", "Critics argue"): not those that are also nouns (claim,
// report, note) or that follow a helper verb as often ("helped confirm", "could deny").
addVerbs('say', 'warn argue');
addVerbs('claim', 'insist allege contend maintain');
addVerbs('admit', 'admit acknowledge concede');
addVerbs(
  'claim',
  'claimed claims claiming alleged alleges alleging accused accuses accusing charged insisted insists insisting contended maintained maintains suggested suggests',
);
addVerbs('deny', 'denied denies denying rejected rejects rejecting refuted dismissed disputed');
addVerbs(
  'admit',
  'admitted admits admitting acknowledged acknowledges acknowledging conceded concedes conceding confessed',
);
addVerbs('confirm', 'confirmed confirms confirming verified');
addVerbs(
  'opinion',
  'believes believed believe think thinks thought worry worries worried fear fears feared expects expected predicted predicts hopes hoped called calls',
);

/** Head nouns of unnamed sources. */
export const SOURCE_NOUNS =
  set(`source;sources;official;officials;diplomat;diplomats;spokesman;spokeswoman;spokesperson;spokespeople;person;persons;people;
analyst;analysts;expert;experts;observer;observers;witness;witnesses;resident;residents;investigator;investigators;agent;agents;commander;commanders;
aide;aides;adviser;advisers;advisor;advisors;insider;insiders;member;members;authorities;authority;officer;officers;lawmaker;lawmakers;
spy;spies;informant;informants;leader;leaders;minister;ministers;staff;employee;employees;activist;activists;medic;medics;doctor;doctors;
security;intelligence;military;police;ministry;government;administration;army;individual;individuals;
critic;critics;opponent;opponents;supporter;supporters;proponent;proponents;advocate;advocates;skeptics;sceptics;others;
economist;economists;scientist;scientists;researcher;researchers;pollster;pollsters;strategist;strategists;banker;bankers;
executive;executives;lawyer;lawyers;attorney;attorneys;justices;protesters;protestors;demonstrators;campaigners;organizers;
conservatives;liberals;progressives;historians;scholars;academics;physicians;nurses;teachers;parents;students;voters;
plaintiffs;defendants;petitioners`);

/** Nouns that refer back to a cited outlet or its story. */
export const OUTLET_COREF = set(
  'report;daily;newspaper;paper;outlet;agency;broadcaster;network;channel;website;site;magazine;publication;article;story;exclusive;investigation;network',
);

/** Number words below twenty. */
export const UNITS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
});
/** The tens, twenty to ninety. */
export const TENS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
});
export const NUMBER_WORDS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  ...UNITS,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  a: 1,
  an: 1,
  another: 1,
  single: 1,
  both: 2,
});
export const VAGUE_QUANTIFIERS = set(
  'several;some;multiple;many;numerous;dozens;hundreds;thousands;scores;few;a few;a number of;various',
);
