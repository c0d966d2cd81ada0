import type { ActorKind } from '@claimgraph/shared';

// Well-known outlets, agencies, international organisations, state bodies and armed groups.
// General world knowledge only. Format: canonical | kind | aliases (';'-separated)
const RAW = `
Reuters|MEDIA|Reuters;Thomson Reuters
Associated Press|MEDIA|Associated Press;AP
Agence France-Presse|MEDIA|AFP;Agence France-Presse;Agence France Presse
NBC News|MEDIA|NBC News;NBC
CBS News|MEDIA|CBS News;CBS
ABC News|MEDIA|ABC News
CNN|MEDIA|CNN
Fox News|MEDIA|Fox News;Fox
MSNBC|MEDIA|MSNBC
NPR|MEDIA|NPR;National Public Radio
BBC|MEDIA|BBC;BBC News
The New York Times|MEDIA|The New York Times;New York Times;NYT
The Wall Street Journal|MEDIA|The Wall Street Journal;Wall Street Journal;WSJ
The Washington Post|MEDIA|The Washington Post;Washington Post
USA Today|MEDIA|USA Today;USA TODAY
Los Angeles Times|MEDIA|Los Angeles Times;LA Times
Politico|MEDIA|Politico
The Hill|MEDIA|The Hill
Axios|MEDIA|Axios
Bloomberg|MEDIA|Bloomberg;Bloomberg News
Financial Times|MEDIA|Financial Times;FT
The Economist|MEDIA|The Economist
The Guardian|MEDIA|The Guardian
The Times|MEDIA|The Times
The Telegraph|MEDIA|The Telegraph;Daily Telegraph
The Independent|MEDIA|The Independent
Sky News|MEDIA|Sky News
Al Jazeera|MEDIA|Al Jazeera;Al-Jazeera;Aljazeera
Al Arabiya|MEDIA|Al Arabiya;Al-Arabiya
Al-Monitor|MEDIA|Al-Monitor;Al Monitor
Press TV|MEDIA|Press TV;PressTV
IRNA|MEDIA|IRNA;Islamic Republic News Agency
Fars News Agency|MEDIA|Fars News Agency;Fars
Tasnim News Agency|MEDIA|Tasnim News Agency;Tasnim
Mehr News Agency|MEDIA|Mehr News Agency;Mehr
ISNA|MEDIA|ISNA
SANA|MEDIA|SANA;Syrian Arab News Agency
Anadolu Agency|MEDIA|Anadolu Agency;Anadolu
Haaretz|MEDIA|Haaretz
The Times of Israel|MEDIA|The Times of Israel;Times of Israel
The Jerusalem Post|MEDIA|The Jerusalem Post;Jerusalem Post
Ynet|MEDIA|Ynet;Ynetnews
Channel 12|MEDIA|Channel 12
Kan|MEDIA|Kan public broadcaster
CGTN|MEDIA|CGTN;China Global Television Network
CCTV|MEDIA|CCTV;China Central Television
Xinhua|MEDIA|Xinhua;Xinhua News Agency
Global Times|MEDIA|Global Times
People's Daily|MEDIA|People's Daily
South China Morning Post|MEDIA|South China Morning Post;SCMP
TASS|MEDIA|TASS
RIA Novosti|MEDIA|RIA Novosti;RIA
RT|MEDIA|RT;Russia Today
Sputnik|MEDIA|Sputnik
Interfax|MEDIA|Interfax
Kyodo News|MEDIA|Kyodo News;Kyodo
Yonhap|MEDIA|Yonhap;Yonhap News Agency
KCNA|MEDIA|KCNA;Korean Central News Agency
Der Spiegel|MEDIA|Der Spiegel;Spiegel
Le Monde|MEDIA|Le Monde
Deutsche Welle|MEDIA|Deutsche Welle;DW
France 24|MEDIA|France 24
Euronews|MEDIA|Euronews
Dawn|MEDIA|Dawn newspaper
The Hindu|MEDIA|The Hindu
Times of India|MEDIA|Times of India;The Times of India
Newsweek|MEDIA|Newsweek
Time|MEDIA|Time magazine
The Atlantic|MEDIA|The Atlantic
The New Yorker|MEDIA|The New Yorker
Vox|MEDIA|Vox
HuffPost|MEDIA|HuffPost;Huffington Post
Breitbart|MEDIA|Breitbart;Breitbart News
The Intercept|MEDIA|The Intercept
ProPublica|MEDIA|ProPublica
The Daily Beast|MEDIA|The Daily Beast;Daily Beast
Business Insider|MEDIA|Business Insider
Drudge Report|MEDIA|Drudge Report
Mother Jones|MEDIA|Mother Jones
The Daily Wire|MEDIA|The Daily Wire;Daily Wire
Rolling Stone|MEDIA|Rolling Stone
Vanity Fair|MEDIA|Vanity Fair
Daily Mail|MEDIA|Daily Mail
RealClearPolitics|MEDIA|RealClearPolitics;Real Clear Politics
United Nations|ORGANIZATION|United Nations;UN;U.N.
UN Security Council|ORGANIZATION|UN Security Council;U.N. Security Council;Security Council;United Nations Security Council
NATO|ORGANIZATION|NATO;North Atlantic Treaty Organization
European Union|ORGANIZATION|European Union;EU;E.U.
European Commission|ORGANIZATION|European Commission
African Union|ORGANIZATION|African Union
Arab League|ORGANIZATION|Arab League
OPEC|ORGANIZATION|OPEC
International Atomic Energy Agency|ORGANIZATION|International Atomic Energy Agency;IAEA
World Health Organization|ORGANIZATION|World Health Organization;WHO
International Monetary Fund|ORGANIZATION|International Monetary Fund;IMF
World Bank|ORGANIZATION|World Bank
International Criminal Court|ORGANIZATION|International Criminal Court;ICC
International Court of Justice|ORGANIZATION|International Court of Justice;ICJ
Red Cross|ORGANIZATION|Red Cross;International Committee of the Red Cross;ICRC
Amnesty International|ORGANIZATION|Amnesty International;Amnesty
Human Rights Watch|ORGANIZATION|Human Rights Watch;HRW
CIA|ORGANIZATION|CIA;Central Intelligence Agency
FBI|ORGANIZATION|FBI;Federal Bureau of Investigation
NSA|ORGANIZATION|NSA;National Security Agency
U.S. Department of Defense|ORGANIZATION|U.S. Department of Defense;US Department of Defense;Department of Defense;Defense Department;Pentagon;DoD;U.S. Defense Department;US Defense Department
U.S. State Department|ORGANIZATION|U.S. State Department;US State Department;State Department;Department of State;U.S. Department of State;US Department of State
U.S. Department of Homeland Security|ORGANIZATION|Department of Homeland Security;DHS;Homeland Security Department;Homeland Security;U.S. Department of Homeland Security;US Department of Homeland Security
U.S. Department of Health and Human Services|ORGANIZATION|Department of Health and Human Services;Health and Human Services;Health and Human Services Department;HHS;U.S. Department of Health and Human Services;US Department of Health and Human Services
U.S. Department of Labor|ORGANIZATION|Department of Labor;Labor Department;U.S. Department of Labor;U.S. Labor Department;US Labor Department
U.S. Department of Veterans Affairs|ORGANIZATION|Department of Veterans Affairs;Veterans Affairs Department;Veterans Affairs;U.S. Department of Veterans Affairs
U.S. Department of Housing and Urban Development|ORGANIZATION|Department of Housing and Urban Development;Housing and Urban Development Department;Housing and Urban Development;HUD
U.S. Department of Energy|ORGANIZATION|Department of Energy;Energy Department;U.S. Department of Energy;U.S. Energy Department
U.S. Department of Commerce|ORGANIZATION|Department of Commerce;Commerce Department;U.S. Department of Commerce;U.S. Commerce Department;US Commerce Department
U.S. Department of the Interior|ORGANIZATION|Department of the Interior;Department of Interior;Interior Department;U.S. Department of the Interior;U.S. Interior Department
U.S. Department of Education|ORGANIZATION|Department of Education;Education Department;U.S. Department of Education;U.S. Education Department
U.S. Department of Agriculture|ORGANIZATION|Department of Agriculture;Agriculture Department;USDA;U.S. Department of Agriculture
U.S. Department of Justice|ORGANIZATION|Department of Justice;Justice Department;DOJ
U.S. Treasury|ORGANIZATION|Treasury Department;U.S. Treasury;US Treasury
U.S. Central Command|ORGANIZATION|U.S. Central Command;US Central Command;Central Command;CENTCOM
U.S. Congress|ORGANIZATION|Congress;U.S. Congress;US Congress
U.S. Senate|ORGANIZATION|Senate;U.S. Senate;US Senate;United States Senate
Joint Chiefs of Staff|ORGANIZATION|Joint Chiefs of Staff;Joint Chiefs
Delta Force|ORGANIZATION|Delta Force
Navy SEALs|ORGANIZATION|Navy SEALs;SEAL Team Six
Israel Defense Forces|ORGANIZATION|Israel Defense Forces;IDF
Mossad|ORGANIZATION|Mossad
Shin Bet|ORGANIZATION|Shin Bet
Islamic Revolutionary Guard Corps|ORGANIZATION|Islamic Revolutionary Guard Corps;IRGC;Revolutionary Guard Corps;Revolutionary Guards;Revolutionary Guard;Islamic Revolutionary Guards;Islamic Revolutionary Guard
Quds Force|ORGANIZATION|Quds Force;Qods Force
MI6|ORGANIZATION|MI6;Secret Intelligence Service
MI5|ORGANIZATION|MI5
FSB|ORGANIZATION|FSB;Federal Security Service
GRU|ORGANIZATION|GRU
Kremlin|ORGANIZATION|Kremlin
White House|ORGANIZATION|White House
Democratic Party|ORGANIZATION|Democratic Party;Democrats;Democrat;Dems;Democratic;House Democrats;Senate Democrats;Congressional Democrats
Republican Party|ORGANIZATION|Republican Party;Republicans;Republican;GOP;House Republicans;Senate Republicans;Congressional Republicans
U.S. House of Representatives|ORGANIZATION|House of Representatives;U.S. House of Representatives;U.S. House;US House;House
Planned Parenthood|ORGANIZATION|Planned Parenthood;Planned Parenthood Federation of America
Black Lives Matter|ORGANIZATION|Black Lives Matter
Muslim Brotherhood|ORGANIZATION|Muslim Brotherhood
Ku Klux Klan|ORGANIZATION|Ku Klux Klan;KKK
Boy Scouts of America|ORGANIZATION|Boy Scouts of America;Boy Scouts
Judicial Watch|ORGANIZATION|Judicial Watch
Goldman Sachs|COMPANY|Goldman Sachs
JPMorgan Chase|COMPANY|JPMorgan Chase;JPMorgan;J.P. Morgan Chase
Morgan Stanley|COMPANY|Morgan Stanley
Wells Fargo|COMPANY|Wells Fargo
Merrill Lynch|COMPANY|Merrill Lynch
Lehman Brothers|COMPANY|Lehman Brothers
Bain Capital|COMPANY|Bain Capital
Lockheed Martin|COMPANY|Lockheed Martin
General Motors|COMPANY|General Motors
General Electric|COMPANY|General Electric
General Dynamics|COMPANY|General Dynamics
General Mills|COMPANY|General Mills
General Atomics|COMPANY|General Atomics
Cambridge Analytica|COMPANY|Cambridge Analytica
Fusion GPS|COMPANY|Fusion GPS
Hezbollah|ARMED_GROUP|Hezbollah;Hizbollah;Hizballah
Kataib Hezbollah|ARMED_GROUP|Kataib Hezbollah;Kata'ib Hezbollah;Kataeb Hezbollah
Hamas|ARMED_GROUP|Hamas
Islamic Jihad|ARMED_GROUP|Islamic Jihad;Palestinian Islamic Jihad
ISIS|ARMED_GROUP|ISIS;ISIL;IS;Islamic State;Islamic State group;Daesh;Islamic State of Iraq and Syria;Islamic State of Iraq and the Levant
al-Qaeda|ARMED_GROUP|al-Qaeda;al Qaeda;Al-Qaeda;Al Qaeda;al-Qaida
Taliban|ARMED_GROUP|Taliban
Houthis|ARMED_GROUP|Houthis;Houthi;Ansar Allah;Ansarullah
al-Shabaab|ARMED_GROUP|al-Shabaab;Al-Shabaab;al Shabaab
Boko Haram|ARMED_GROUP|Boko Haram
Popular Mobilization Forces|ARMED_GROUP|Popular Mobilization Forces;Popular Mobilisation Forces;Popular Mobilization Units;PMF;PMU;Hashd al-Shaabi
Asaib Ahl al-Haq|ARMED_GROUP|Asaib Ahl al-Haq
Hayat Tahrir al-Sham|ARMED_GROUP|Hayat Tahrir al-Sham;HTS
Syrian Democratic Forces|ARMED_GROUP|Syrian Democratic Forces;SDF
PKK|ARMED_GROUP|PKK;Kurdistan Workers' Party
YPG|ARMED_GROUP|YPG
Wagner Group|ARMED_GROUP|Wagner Group;Wagner
`;

export interface OrgEntry {
  canonical: string;
  kind: ActorKind;
  aliases: string[];
}

export const ORGS: OrgEntry[] = RAW.trim()
  .split('\n')
  .map((line) => {
    const [canonical = '', kind = 'ORGANIZATION', aliases = ''] = line.split('|');
    return {
      canonical,
      kind: kind as ActorKind,
      aliases: aliases
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean),
    };
  });

// Places that are never actors by themselves (cities, regions); capitals live in states.ts.
export const PLACES = new Set(
  `Middle East;Gulf;Persian Gulf;Europe;Asia;Africa;Latin America;Balkans;Caucasus;Levant;Sahel;Golan Heights;West Bank;Gaza;Gaza Strip;Sinai;Crimea;Donbas;Kurdistan;
New York;Los Angeles;Chicago;San Francisco;Miami;Houston;Boston;Seattle;Florida;Virginia;California;Texas;Maryland;Washington D.C.;
Mosul;Basra;Erbil;Irbil;Kirkuk;Anbar;Fallujah;Ramadi;Tikrit;Najaf;Karbala;Aleppo;Homs;Idlib;Raqqa;Deir ez-Zor;Latakia;Daraa;
Tel Aviv;Haifa;Isfahan;Mashhad;Shiraz;Tabriz;Qom;Istanbul;Izmir;St Petersburg;Saint Petersburg;Kharkiv;Odesa;Odessa;Lviv;Mariupol;
Capitol Hill;West Wing;East Wing;Oval Office;Rose Garden;Situation Room;Wall Street;Silicon Valley;Ground Zero;Main Street;
Alabama;Alaska;Arizona;Arkansas;Colorado;Connecticut;Delaware;Hawaii;Idaho;Illinois;Indiana;Iowa;Kansas;Kentucky;Louisiana;Maine;Massachusetts;
Michigan;Minnesota;Mississippi;Missouri;Montana;Nebraska;Nevada;New Hampshire;New Jersey;New Mexico;North Carolina;North Dakota;Ohio;Oklahoma;
Oregon;Pennsylvania;Rhode Island;South Carolina;South Dakota;Tennessee;Utah;Vermont;West Virginia;Wisconsin;Wyoming;Puerto Rico;
San Diego;San Antonio;San Jose;San Bernardino;Las Vegas;El Paso;New Orleans;Des Moines;Fort Worth;Oklahoma City;Kansas City;
Salt Lake City;St. Louis;South Bend;Baton Rouge;Santa Fe;Long Beach;Little Rock;Palm Beach;West Palm Beach;Fort Lauderdale;Corpus Christi;
Colorado Springs;Virginia Beach;Santa Barbara;Santa Monica;Grand Rapids;Cedar Rapids;Sioux City;Ann Arbor;St. Paul;Beverly Hills;Palo Alto;
Fort Hood;Fort Bragg;Sandy Hook;Green Bay;Air Force One;Air Force Two;Marine One;
Shanghai;Hong Kong;Dubai;Jeddah;Mecca;Medina;Aden;Hodeidah;Benghazi;Alexandria;Munich;Geneva;Davos;Vienna;The Hague;Mar-a-Lago;Camp David`
    .split(';')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean),
);

/** Buildings that stand for an institution only when they act ("the White House said"), like capitals. */
export const METONYM_ORGS = new Set(['White House']);
