// Attribution chains as reporters write them, end to end through extract(): one rule per test, each written so
// that it fails without the rule.
import { describe, expect, it } from 'vitest';
import { article, chainFor } from './claims-helpers.js';

/** The chain of the claim starting with `start` in a one-paragraph article by CNN. */
const chainIn = (paragraph: string, start: string) => chainFor(article(paragraph), 'CNN', start);

describe('nested sources in one clause', () => {
  it('keeps the speaker when the outlet\'s "according to" follows the speaker\'s own verb', () => {
    const text = article(
      'The blast aimed to destabilise the country, Lebanese Prime Minister Najib Mikati said, according to the BBC.',
    );
    expect(chainFor(text, 'CNN', 'The blast')).toBe('CNN > BBC > Najib Mikati');
  });
  it('keeps the outlet when its frame closes the clause after the speaker\'s ("..., Al Jazeera reported")', () => {
    expect(
      chainFor(
        article(
          'Houthi spokesman Yahya Saree said the group fired two missiles at the ship, Al Jazeera reported on Tuesday.',
        ),
        'CNN',
        'Houthi',
      ),
    ).toBe('CNN > Al Jazeera > Yahya Saree');
    expect(
      chainFor(
        article('Houthi spokesman Yahya Saree said the group fired two missiles at the ship, reports Al Jazeera.'),
        'CNN',
        'Houthi',
      ),
    ).toBe('CNN > Al Jazeera > Yahya Saree');
  });
  it('does not take an outlet inside the reported content for the frame', () => {
    expect(
      chainFor(
        article(
          'Senator Dianne Feinstein later said she was misunderstood, and an Axios report accused the Times of having the story backwards.',
        ),
        'CNN',
        'Senator',
      ),
    ).toBe('CNN > Dianne Feinstein');
  });
});

describe('asides between dashes', () => {
  it('leaves the clause around an aside to its own subject, not to a speaker inside the aside', () => {
    expect(
      chainIn(
        'But the report — published by an agency run by appointees and using methods Republicans say they favor — found that the plan would add $1 trillion to the deficit.',
        'But the report',
      ),
    ).toBe('CNN');
  });
  it('reads the subject before an aside between dashes that precedes the verb', () => {
    expect(
      chainIn(
        'Republican National Committee Chairman Reince Priebus -- who helped broker the meeting -- told reporters the talks went well.',
        'Republican National',
      ),
    ).toBe('CNN > Reince Priebus');
  });
  it("still reads a dateline's dash as no aside", () => {
    expect(
      chainIn(
        'WASHINGTON – President Donald Trump says he is planning to appoint a new director of national intelligence – though one top candidate does not want the job.',
        'WASHINGTON',
      ),
    ).toBe('CNN > Donald Trump');
  });
});

describe('role nouns ("the group") across sentences', () => {
  it('read the subject that named the group, not a group in its apposition', () => {
    const text = article(
      'The Abdullah Azzam Brigades, a Sunni jihadist group linked to al Qaeda, claimed responsibility for the bombings on Twitter. The group warned that more attacks would come.',
    );
    expect(chainFor(text, 'CNN', 'The group warned')).toBe('CNN > Abdullah Azzam Brigades');
  });
  it('read the subject of the nearest sentence naming a group when no group spoke', () => {
    const text = article(
      'Hezbollah, an ally of Hamas, was founded in the 1980s. The group said it would retaliate for the strike.',
    );
    expect(chainFor(text, 'CNN', 'The group said')).toBe('CNN > Hezbollah');
  });
});

describe('dialogue turns', () => {
  it('"he responded" is the other person of the exchange, not the speaker who just asked', () => {
    const text = article(
      'Pete Buttigieg met the editorial board on Monday.',
      '"You worked for a company that was fixing bread prices," said the board member, Binyamin Appelbaum.',
      '"No, I worked for a consulting company," he responded.',
    );
    expect(chainFor(text, 'The Week', '"No, I worked')).toBe('The Week > Pete Buttigieg');
    // Without a reply verb the pronoun still recalls the last speaker.
    const said = article(
      'Pete Buttigieg met the editorial board on Monday.',
      '"You worked for a company that was fixing bread prices," said the board member, Binyamin Appelbaum.',
      '"It was a scandal," he said.',
    );
    expect(chainFor(said, 'The Week', '"It was')).toBe('The Week > Binyamin Appelbaum');
  });
});

describe("reports of reports and the article's own outlet", () => {
  it('keeps unattributed reports as the source in their own word ("There have been reports of ...")', () => {
    expect(
      chainFor(
        article('There have been reports of 15 agents entering the building on the day.'),
        'The Hill',
        'There have been',
      ),
    ).toBe('The Hill > reports');
    expect(
      chainFor(
        article('Reports of 15 agents entering the building were confirmed by police.'),
        'The Hill',
        'Reports of',
      ),
    ).not.toBe('The Hill > reports');
  });
  it('gives an unnamed source\'s claims the channel named after them ("He spoke to The Associated Press on condition of anonymity")', () => {
    const text = article(
      'A security official said the first attacker was on a motorcycle.',
      'The second attacker drove a car into the gate, the official said. He spoke to The Associated Press on condition of anonymity.',
    );
    expect(chainFor(text, 'Fox News', 'A security official')).toBe('Fox News > Associated Press > a security official');
    expect(chainFor(text, 'Fox News', 'The second attacker')).toBe('Fox News > Associated Press > a security official');
  });
  it('nests a source reported inside quoted content that precedes the frame, named by title ("“The king denied it,” Trump told reporters")', () => {
    const text = article(
      "President Donald Trump spoke with Saudi Arabia's King Salman on Monday.",
      '"The king firmly denied any knowledge of it," Trump told reporters on Monday.',
    );
    expect(chainFor(text, 'CNN', '"The king')).toBe('CNN > Donald Trump > Salman');
    // A pronoun inside the content is the speaker or someone spoken about: no hop.
    expect(
      chainFor(
        article(
          'President Donald Trump spoke with King Salman on Monday.',
          '"He firmly denied any knowledge of it," Trump told reporters.',
        ),
        'CNN',
        '"He firmly',
      ),
    ).toBe('CNN > Donald Trump');
  });
  it('nests a source cited between subject and verb ("Fox News, citing the AP, reported")', () => {
    expect(
      chainFor(
        article('Fox News, citing the Associated Press, reported that the talks had failed.'),
        'CNN',
        'Fox News',
      ),
    ).toBe('CNN > Fox News > Associated Press');
  });
  it('knows the article\'s outlet under its feed name ("CNN (Web News)") and keeps the source that told it', () => {
    expect(
      chainFor(
        article('A source familiar with the investigation told CNN that the team arrived on Tuesday.'),
        'CNN (Web News)',
        'A source',
      ),
    ).toBe('CNN (Web News) > a source familiar with the investigation');
  });
  it('reads the head noun before a post-modifier ("a source familiar with the investigation" is no outlet reference)', () => {
    expect(
      chainFor(
        article('A source familiar with the investigation said the team arrived on Tuesday.'),
        'CNN',
        'A source',
      ),
    ).toBe('CNN > a source familiar with the investigation');
  });
});

describe('unnamed sources named again', () => {
  const text = article(
    'A Lebanese security official said the first bomber was on a motorcycle, according to The Associated Press. The official said the second attacker drove a car.',
    'He said the guards opened fire.',
  );
  it('keeps "the official" as the unnamed speaker in its first words, with the outlet that carried it', () => {
    expect(chainFor(text, 'CNN', 'The official')).toBe('CNN > Associated Press > a Lebanese security official');
  });
  it('reads "he" after an unnamed person\'s statement as that person', () => {
    expect(chainFor(text, 'CNN', 'He said')).toBe('CNN > Associated Press > a Lebanese security official');
  });
  it('never takes a clause with a pronoun subject for an unnamed source', () => {
    const text = article(
      'Republican Foreign Relations Committee chairman, Senator Jim Risch, said he had been informed by the Trump administration that it planned to confirm "a number of arms sales". "I am reviewing the legal justification for this action," he said.',
    );
    expect(chainFor(text, 'BBC News', 'Republican')).toBe('BBC News > Jim Risch');
    expect(chainFor(text, 'BBC News', '"I am')).toBe('BBC News > Jim Risch');
  });
});

describe('organs and outlets of a named state', () => {
  it('keeps "Ukraine\'s air force" as an official source in the text\'s words', () => {
    expect(
      chainFor(
        article("Ukraine's air force said on Telegram that it shot down 20 drones overnight."),
        'The Guardian',
        'Ukraine',
      ),
    ).toBe("The Guardian > Ukraine's air force");
  });
  it('keeps "Iran\'s state-run news agency" as an unnamed outlet', () => {
    expect(
      chainFor(
        article("Among the dead was the cultural attache, Ebrahim Ansari, Iran's state-run news agency reported."),
        'CNN',
        'Among',
      ),
    ).toBe("CNN > Iran's state-run news agency");
  });
  it('still reads "Yemen\'s Houthi movement" as the movement itself', () => {
    expect(chainFor(article("Yemen's Houthi movement said it fired two missiles at the ship."), 'CNN', 'Yemen')).toBe(
      'CNN > Houthis',
    );
  });
});

describe('absolute reports (", with X saying ...")', () => {
  it('gives the source its own claim and leaves the main clause to the outlet', () => {
    const text = article(
      'The strikes continued on Wednesday, with the Pentagon reporting the U.S. conducted two more airstrikes on a staging area.',
    );
    expect(chainFor(text, 'Fox News', 'The strikes')).toBe('Fox News');
    expect(chainFor(text, 'Fox News', 'with the Pentagon')).toBe('Fox News > U.S. Department of Defense');
  });
});

describe('unnamed outlets', () => {
  it('keeps "the state news agency" in its own words, also when its frame closes the clause', () => {
    expect(
      chainFor(
        article('The ministry of health said 23 people were killed, the state news agency reported.'),
        'CNN',
        'The ministry',
      ),
    ).toBe('CNN > the state news agency > the ministry of health');
    expect(
      chainFor(article('The BBC said the talks failed. The state news agency said they did not.'), 'CNN', 'The state'),
    ).toBe('CNN > the state news agency');
  });
  it('never reads a clause after ", told" as an outlet reference', () => {
    const text = article(
      'The BBC said the film was pulled.',
      'Monday the stars of "The Interview," Seth Rogen and James Franco, told "Good Morning America" they never could\'ve predicted the drama surrounding the fictional story.',
    );
    expect(chainFor(text, 'ABC News', 'Monday')).toBe('ABC News > James Franco');
  });
});

describe('a frame that opens a block ("According to the Los Angeles Times:")', () => {
  const text = article(
    'Iran and Hezbollah are major backers of the Syrian government. According to the Los Angeles Times:',
    'Just last week, the leader of Hezbollah, Hassan Nasrallah, said that the group would keep sending fighters to Syria. The announcement drew condemnation from anti-Assad groups.',
    'Today the attacks took place in the context of the war.',
  );
  it('gives the next paragraph to the source, its own frames nested under it', () => {
    expect(chainFor(text, 'Christian Science Monitor', 'Just last week')).toBe(
      'Christian Science Monitor > Los Angeles Times > Hassan Nasrallah',
    );
    expect(chainFor(text, 'Christian Science Monitor', 'The announcement')).toBe(
      'Christian Science Monitor > Los Angeles Times',
    );
  });
  it('ends with that paragraph', () => {
    expect(chainFor(text, 'Christian Science Monitor', 'Today')).toBe('Christian Science Monitor');
  });
});

describe("frames that are not the clause's own", () => {
  it('leaves a relative clause\'s reporter (", which X confirmed") out of the main claim', () => {
    const text = article(
      'According to NBC, informants at a Syrian airport were able to notify the CIA about exactly which plane Soleimani would be on, which Israeli intelligence then confirmed and verified.',
    );
    expect(chainFor(text, 'CGTN', 'According')).toBe('CGTN > NBC News');
  });
  it('reads the outlet a speaker told after a lower-case description ("told state news agency NNA")', () => {
    const text = article(
      '"The aim of the blast is to stir up the situation," Lebanon\'s Prime Minister Najib Mikati told state news agency NNA.',
    );
    expect(chainFor(text, 'Christian Science Monitor', '"The aim')).toMatch(
      /^Christian Science Monitor > (?:NNA|National News Agency) > Najib Mikati$/,
    );
  });
});

describe("unnamed people and groups in the text's words", () => {
  it('keeps "a Times writer" and "many in Lebanon" rather than the name inside them', () => {
    expect(
      chainFor(
        article(
          'The conversation hit another snag when a Times writer said Buttigieg used to support abolishing the Electoral College.',
        ),
        'The Week',
        'The conversation',
      ),
    ).toBe('The Week > a Times writer');
    expect(
      chainFor(article('Many in Lebanon fear the Syrian conflict could destabilize the country.'), 'CNN', 'Many'),
    ).toBe('CNN > many in Lebanon');
  });
  it('reads "believe" with a number after it as a report ("Turkish authorities believe 15 Saudi men ...")', () => {
    expect(
      chainFor(
        article(
          'Turkish authorities believe 15 Saudi men who arrived in Istanbul were connected to the disappearance.',
        ),
        'CNN',
        'Turkish',
      ),
    ).toBe('CNN > Turkish authorities');
  });
  it('never keeps a phrase cut at a relative pronoun or an initial as a source', () => {
    expect(
      chainFor(
        article(
          'WASHINGTON (AP) — Tara Reade, the former Senate staffer who alleges Joe Biden sexually assaulted her, said she filed a complaint.',
        ),
        'Associated Press',
        'WASHINGTON',
      ),
    ).toBe('Associated Press > Tara Reade');
    expect(
      chainFor(
        article(
          '"You have to find a way forward," writes Monitor correspondent G. Jeffrey MacDonald this week in an e-mail.',
        ),
        'Christian Science Monitor',
        '"You',
      ),
    ).not.toMatch(/correspondent G$/);
  });
});

describe('reporting conventions of political news', () => {
  it('reads a closing "X noted" as a frame, and never "the noted author" as one', () => {
    expect(
      chainFor(
        article('The bank hired a consultant and was seeking a “quiet deal for its client,” Bloomberg noted.'),
        'Daily Planet',
        'The bank',
      ),
    ).toBe('Daily Planet > Bloomberg');
    expect(
      chainFor(
        article('The noted author Maria Lopez signed copies of her novel at the fair.'),
        'Daily Planet',
        'The noted',
      ),
    ).toBe('Daily Planet');
  });
  it('keeps a lawmaker named with a home state or party tag as the speaker ("Rep. Jane Doe of Ohio")', () => {
    expect(
      chainFor(
        article('The head of the House Budget Committee, Rep. Jane Doe of Ohio, said she is ready to issue subpoenas.'),
        'Daily Planet',
        'The head',
      ),
    ).toBe('Daily Planet > Jane Doe');
    expect(chainFor(article('Sen. Jane Doe (D-Ohio) said the bill would pass.'), 'Daily Planet', 'Sen.')).toBe(
      'Daily Planet > Jane Doe',
    );
  });
  it('reads a later clause\'s "they" as the group that opens the sentence', () => {
    expect(
      chainFor(
        article('The European Commission did not name the companies, but they said the list includes two large banks.'),
        'Daily Planet',
        'but they',
      ),
    ).toBe('Daily Planet > European Commission');
  });
  it('nests a speaker\'s frame under a second speaker\'s frame closing the clause ("X told the panel, Y wrote")', () => {
    expect(
      chainFor(
        article('“I would not stay silent,” Maria Lopez told the panel, the European Commission wrote.'),
        'Daily Planet',
        '“I would',
      ),
    ).toBe('Daily Planet > European Commission > Maria Lopez');
  });
  it('reads a progressive reporting verb before "that" as a frame, and the party over the body it sits in', () => {
    expect(
      chainFor(
        article('Now, Republicans in Congress are demanding that the agency explain how the permits were issued.'),
        'Daily Planet',
        'Now,',
      ),
    ).toBe('Daily Planet > Republican Party');
  });
  it('gives "but noted ..." the subject of a first clause that cites nothing ("cited no evidence")', () => {
    const text = article(
      'Governor Maria Lopez spoke on Monday.',
      'The governor cited no specific evidence, but noted she had just spoken with Mayor John Smith.',
    );
    expect(chainFor(text, 'Daily Planet', 'The governor')).toBe('Daily Planet');
    expect(chainFor(text, 'Daily Planet', 'but noted')).toBe('Daily Planet > Maria Lopez');
  });
  it('gives a document\'s words to whoever issued it ("the GOP memo", "the Commission\'s letter")', () => {
    expect(
      chainFor(
        article("The European Commission's letter said the banks were at fault."),
        'Daily Planet',
        'The European',
      ),
    ).toBe('Daily Planet > European Commission');
  });
  it('reads a party\'s lawmakers speaking as one as the party ("GOP lawmakers said")', () => {
    expect(chainFor(article('GOP lawmakers said the permits were issued lawfully.'), 'Daily Planet', 'GOP')).toBe(
      'Daily Planet > Republican Party',
    );
  });
  it('gives "in what X called ..." to X as its own claim, and the event before it to the outlet', () => {
    const text = article('The army shelled the town on Tuesday in what Human Rights Watch described as a war crime.');
    expect(chainFor(text, 'Daily Planet', 'The army')).toBe('Daily Planet');
    expect(chainFor(text, 'Daily Planet', 'in what')).toBe('Daily Planet > Human Rights Watch');
  });
  it("names the lede's unnamed official after the person the next sentence introduces, but keeps anonymous sources", () => {
    const text = article(
      'A career official in the city water office says she warned managers about the pipes.',
      'Maria Lopez, a 20-year employee who oversaw inspections, says her warnings were ignored.',
    );
    expect(chainFor(text, 'Daily Planet', 'A career')).toBe('Daily Planet > Maria Lopez');
    const anon = article(
      'A source in the city water office says managers knew about the pipes.',
      'Maria Lopez, a 20-year employee who oversaw inspections, says her warnings were ignored.',
    );
    expect(chainFor(anon, 'Daily Planet', 'A source')).toBe('Daily Planet > a source in the city water office');
  });
  it('starts a new clause at ", and" after a frame that closes its clause, but not at the frame\'s own next verb', () => {
    const text = article(
      'Officials had granted permission for the search, a diplomatic source told the Daily Star, and police were seen cordoning off the area.',
    );
    expect(chainFor(text, 'Daily Planet', 'and police')).toBe('Daily Planet');
    const added = article('The bridge will reopen in May, Mayor John Smith said, and added that tolls will stay.');
    expect(chainFor(added, 'Daily Planet', 'The bridge')).toBe('Daily Planet > John Smith');
    expect(chainFor(added, 'Daily Planet', 'and added')).toBeUndefined();
  });
  it('gives "X used an address to urge ..." to X', () => {
    const text = article(
      'Governor Maria Lopez, speaking after the storm, used a televised address on Monday to urge residents to stay indoors.',
      'Governor Maria Lopez used the old bridge to reach the town.',
    );
    expect(chainFor(text, 'Daily Planet', 'Governor Maria Lopez, speaking')).toBe('Daily Planet > Maria Lopez');
    expect(chainFor(text, 'Daily Planet', 'Governor Maria Lopez used')).toBe('Daily Planet');
  });
  it('gives a relative clause with its own subject that denies, accuses or blames to that subject', () => {
    const text = article(
      'The convoy was passing the border post.',
      'The strikes are helping General Omar Haddad, whom the European Union has accused of war crimes.',
      'Prices rose after a fire at the refinery that Norway has blamed on saboteurs.',
      'Her lawyer, Anna Berg, said she would testify about the charges -- which Mayor John Smith has strongly denied.',
      'The minister said that Mayor John Smith denied the report.',
      'Governor Maria Lopez tweeted early Monday that Mayor John Smith denied any knowledge of the deal.',
    );
    expect(chainFor(text, 'Daily Planet', 'whom the European')).toBe('Daily Planet > European Union');
    expect(chainFor(text, 'Daily Planet', 'The strikes')).toBe('Daily Planet');
    expect(chainFor(text, 'Daily Planet', 'that Norway')).toBe('Daily Planet > Norway');
    expect(chainFor(text, 'Daily Planet', 'which Mayor John Smith')).toBe('Daily Planet > John Smith');
    expect(chainFor(text, 'Daily Planet', 'Her lawyer')).toBe('Daily Planet > Anna Berg');
    // "said that X denied" stays the frame's report of a report.
    expect(chainFor(text, 'Daily Planet', 'that Mayor John Smith denied')).toBeUndefined();
    expect(chainFor(text, 'Daily Planet', 'Governor Maria Lopez tweeted')).toBe(
      'Daily Planet > Maria Lopez > John Smith',
    );
  });
  it("gives the words of someone's kin to the kin in the text's words, not to the person they are kin of", () => {
    const text = article(
      'The convoy was passing the border post.',
      'The family of jailed reporter Maria Lopez says she was beaten in custody, the BBC reported.',
      "Lopez's mother and brother said she had not been charged.",
      "Lopez's mother Ana Lopez told the BBC she was worried.",
    );
    expect(chainFor(text, 'Daily Planet', 'The family')).toBe(
      'Daily Planet > BBC > the family of jailed reporter Maria Lopez',
    );
    expect(chainFor(text, 'Daily Planet', "Lopez's mother and")).toBe("Daily Planet > Lopez's mother and brother");
    expect(chainFor(text, 'Daily Planet', "Lopez's mother Ana")).toBe('Daily Planet > BBC > Ana Lopez');
  });
  it('reads "X called <a long object> a \"...\"" as X\'s label, but not "X called Y on Tuesday" (a phone call)', () => {
    const text = article(
      'The convoy was passing the border post.',
      'However, Mayor John Smith called the threat from the floods, the storms and the fires a more "immediate concern that has to be dealt with."',
      'Mayor John Smith called Governor Maria Lopez on Tuesday to discuss the flooding, and the two agreed on a plan.',
    );
    expect(chainFor(text, 'Daily Planet', 'However')).toBe('Daily Planet > John Smith');
    expect(chainFor(text, 'Daily Planet', 'Mayor John Smith called Governor')).toBe('Daily Planet');
  });
});

describe('outlets that quote, passive frames and channels', () => {
  it('"X quoted Y as saying": the outlet carries the words of the person it quotes', () => {
    const text = article('Reuters quoted Mayor Ana Ruiz as saying the bridge would reopen in May.');
    expect(chainFor(text, 'CNN', 'Reuters quoted')).toBe('CNN > Reuters > Ana Ruiz');
  });
  it('"said as quoted by the daily" names no second source', () => {
    const text = article(
      'The Wall Street Journal reported on the talks.',
      '"The mood is calm," said Karl Berg, a former envoy, as quoted by the daily.',
    );
    expect(chainFor(text, 'CNN', '"The mood')).toBe('CNN > The Wall Street Journal > Karl Berg');
  });
  it('"he was quoted by Reuters as saying": the subject speaks through the outlet', () => {
    const text = article(
      'Foreign Minister Karl Berg met his counterpart on Friday. "The talks went well," he was quoted by Reuters as saying.',
    );
    expect(chainFor(text, 'CNN', '"The talks')).toBe('CNN > Reuters > Karl Berg');
  });
  it('"was echoed by X": X says it again', () => {
    const text = article('The warning was echoed by Defence Minister Lena Holm on Tuesday.');
    expect(chainFor(text, 'CNN', 'The warning')).toBe('CNN > Lena Holm');
  });
  it('"said in a BBC interview": the interview names the channel', () => {
    expect(chainFor(article('"We lost everything," Maria Lopez said in a BBC interview.'), 'CNN', '"We lost')).toBe(
      'CNN > BBC > Maria Lopez',
    );
  });
  it('a broadcaster named again by its brand ("Zenith" after "Zenith News") is that outlet', () => {
    const text = article(
      'Zenith News aired the interview on Sunday.',
      '"We were never told," Rosa Diaz said in a Zenith interview.',
    );
    expect(chainFor(text, 'CNN', '"We were never')).toBe('CNN > Zenith News > Rosa Diaz');
  });
  it('"by the report" is what the speaker reacts to, not the channel of the words', () => {
    const text = article(
      'Bloomberg reported that the plant would close.',
      'Senator Paul Grant said he was "surprised" by the report.',
    );
    expect(chainFor(text, 'CNN', 'Senator Paul Grant')).toBe('CNN > Paul Grant');
  });
  it('", told Reuters" after an apposition: the named subject speaks, the outlet listens', () => {
    const text = article('"We ended the contract the same day," Anna Kovac, a company spokeswoman, told Reuters.');
    expect(chainFor(text, 'CNN', '"We ended')).toBe('CNN > Reuters > Anna Kovac');
  });
  it('a "News Foundation" is a newsroom, so telling it is a channel', () => {
    const text = article(
      '"We ended the contract," Anna Kovac, a company spokeswoman, told the Daily Record News Foundation.',
    );
    expect(chainFor(text, 'CNN', '"We ended')).toBe('CNN > Daily Record News Foundation > Anna Kovac');
  });
  it('a concessive clause between subject and verb (", while not ..., said") leaves the subject', () => {
    const text = article(
      "The city's mayor, Tomas Weber, while declining to name the firm, said the contract had been cancelled.",
    );
    expect(chainFor(text, 'CNN', "The city's mayor")).toBe('CNN > Tomas Weber');
  });
  it('a person in apposition before a nested verb ("her deputy, Mark Ellis, has acknowledged") is the next hop', () => {
    const text = article(
      'Governor Ruth Bane said her chief of staff, Mark Ellis, has acknowledged that the budget was late.',
    );
    expect(chainFor(text, 'CNN', 'Governor')).toBe('CNN > Ruth Bane > Mark Ellis');
  });
  it('a straight quote closed by a curly mark ends there: the next sentence has its own frame', () => {
    const text = article(
      'Governor Ruth Bane said her chief of staff, Mark Ellis, has acknowledged that the budget was "late in May.” She also said it was "absolutely true" that the state overspent.',
    );
    expect(chainFor(text, 'CNN', 'She also said')).toBe('CNN > Ruth Bane');
  });
});

describe('sources named again and reports that close a sentence', () => {
  it('"the officials with knowledge of the talks" names again the unnamed source of before, also after a named speaker', () => {
    const text = article(
      'Two officials with knowledge of the talks told Reuters the deal was close.',
      'Mayor Tom Hill said he was hopeful.',
      'The plan would cut taxes, the officials with knowledge of the talks said.',
    );
    expect(chainFor(text, 'CNN', 'The plan')).toBe('CNN > Reuters > two officials with knowledge of the talks');
  });
  it('", three people told Reuters" closing a sentence reports its act; an act is no second hop', () => {
    const text = article(
      'The regional government rejected the mayor’s plan and ordered staff to keep the library open, three people with knowledge of the matter told Reuters.',
    );
    expect(chainFor(text, 'Reuters', 'The regional government')).toBe(
      'Reuters > three people with knowledge of the matter',
    );
  });
});

describe('channels and speakers around the verb', () => {
  it('", speaking to the BBC," between subject and verb is the channel, the subject still speaks', () => {
    const text = article('Mayor Tom Hill, speaking to the BBC, said the plan was dead.');
    expect(chainFor(text, 'CNN', 'Mayor')).toBe('CNN > BBC > Tom Hill');
  });
  it('"In an interview with the BBC, X said" opens the clause with the channel', () => {
    const text = article('In an interview with the BBC, Mayor Tom Hill said the plan was dead.');
    expect(chainFor(text, 'CNN', 'In an interview')).toBe('CNN > BBC > Tom Hill');
  });
  it('an inverted frame reads past a title\'s abbreviation (", said Sen. Ann Cole.") and after "tweeted"', () => {
    expect(chainFor(article('"The plan is dead," said Sen. Ann Cole.'), 'CNN', '"The plan')).toBe('CNN > Ann Cole');
    expect(chainFor(article('"The plan is dead," tweeted Senator Ann Cole.'), 'CNN', '"The plan')).toBe(
      'CNN > Ann Cole',
    );
  });
  it('"According to Reuters, which cited two officials, ..." makes the cited source the next hop', () => {
    const text = article('According to Reuters, which cited two officials, the plan was dropped.');
    expect(chainFor(text, 'CNN', 'According')).toBe('CNN > Reuters > two officials');
  });
});

describe('acts that are not words', () => {
  it('"charged the bank with fraud" is an indictment the outlet reports, "charged that" a claim', () => {
    const text = article('Federal prosecutors charged the bank on Oct. 15 with fraud and money laundering.');
    expect(chainFor(text, 'CNN', 'Federal')).toBe('CNN');
    expect(chainFor(article('Prosecutors charged that the bank hid the money.'), 'CNN', 'Prosecutors')).toBe(
      'CNN > prosecutors',
    );
  });
  it('"a request X rejected as premature" is X\'s act, not X\'s words', () => {
    const text = article('Mayor Tom Hill asked for a delay, a request Governor Ann Cole rejected as premature.');
    expect(chainFor(text, 'CNN', 'Mayor')).toBe('CNN');
  });
});

describe('participles carry the speaker', () => {
  it('", while stressing that ..." after a closing frame is the same speaker\'s, not the outlet\'s narration', () => {
    const text = article(
      '"There is no us and them," Mayor Tom Hill said, while stressing that "the city will not back down."',
    );
    expect(chainFor(text, 'CNN', 'while stressing')).toBe('CNN > Tom Hill');
  });
  it('an adverb between a pronoun subject and its verb ("He famously opened ... by claiming") keeps the subject', () => {
    const text = article(
      'Mayor Tom Hill spoke in Springfield on Monday. He famously opened his campaign by claiming the budget was rigged.',
    );
    expect(chainFor(text, 'CNN', 'by claiming')).toBe('CNN > Tom Hill');
  });
});

describe('documents as sources', () => {
  it('a document that shows or finds is the source, in its own words', () => {
    expect(chainIn('Court records show that the company paid the firm in July.', 'Court')).toBe('CNN > Court records');
    expect(chainIn('A 2019 study found that most of the money went abroad.', 'A 2019')).toBe('CNN > a 2019 study');
  });
  it('a document the speaker cites in brackets is the next hop', () => {
    const text = article('As the BBC notes (citing a 2017 drug threat assessment), most heroin comes through ports.');
    expect(chainFor(text, 'CNN', 'As the BBC')).toBe('CNN > BBC > a 2017 drug threat assessment');
  });
  it("a named issuer's data speak for the issuer", () => {
    const text = article('Most heroin is caught at ports, according to Pentagon data.');
    expect(chainFor(text, 'CNN', 'Most heroin')).toBe('CNN > U.S. Department of Defense');
  });
});

describe('sources named again', () => {
  it('"told the paper" after "told The Washington Post" is the same outlet', () => {
    const text = article(
      'Jane Doe told The Washington Post that she went public because of the vote.',
      '"I feel responsible," Doe told the paper, ahead of the hearing.',
    );
    expect(chainFor(text, 'CNN', '"I feel')).toBe('CNN > The Washington Post > Jane Doe');
  });
  it('"a spokesman for the agency" in the lede is the person later given that role in apposition', () => {
    const text = article(
      "The plant will reopen within days, according to a spokesman for the country's energy agency.",
      'The remarks come amid a dispute over the plant.',
      'At a news conference, Tom Hill, a spokesman for the National Energy Agency, said the plant was safe.',
    );
    expect(chainFor(text, 'CNN', 'The plant will')).toBe('CNN > Tom Hill');
  });
});

describe('transcripts', () => {
  const text = article(
    'Mayor Tom Hill met the council on Monday. This is a transcript of the meeting.',
    'JANE DOE: The council met on Monday. The vote was close.',
    'MAYOR TOM HILL: We will fix the roads.',
    'The budget is ready.',
    'JANE DOE: Mr. Mayor, the budget is late, according to two officials.',
  );
  it("a line opened by a name in capitals is that speaker's turn, until the next label", () => {
    expect(chainFor(text, 'CNN', 'JANE DOE: The council')).toBe('CNN > JANE DOE');
    expect(chainFor(text, 'CNN', 'MAYOR TOM HILL:')).toBe('CNN > Tom Hill');
    expect(chainFor(text, 'CNN', 'The budget is ready')).toBe('CNN > Tom Hill');
    expect(chainFor(text, 'CNN', 'This is a transcript')).toBe('CNN');
  });
  it("a source named inside a turn is the turn speaker's source", () => {
    expect(chainFor(text, 'CNN', 'JANE DOE: Mr. Mayor')).toBe('CNN > JANE DOE > two officials');
  });
  it('one capitalised label is a heading, not a transcript', () => {
    expect(chainIn('BREAKING NEWS: The council voted on Monday.', 'BREAKING')).toBe('CNN');
  });
});

describe('people named with an affiliation or by title', () => {
  const text = article(
    'In a ruling on Friday, Judge Jane Doe of Travis County District Court in Texas said the firm had ignored an order.',
    'The firm did not answer.',
    'The judge said the failure should be treated as contempt of court.',
  );
  it('"Judge Jane Doe of <court> in <place> said" is the person, not the court or the place', () => {
    expect(chainFor(text, 'CNN', 'In a ruling')).toBe('CNN > Jane Doe');
  });
  it('"the judge" is the person last given that title', () => {
    expect(chainFor(text, 'CNN', 'The judge said')).toBe('CNN > Jane Doe');
  });
});

describe('unnamed sources named again', () => {
  it('"these people" / "those people" are the unnamed people who spoke before', () => {
    const text = article(
      'The department has filed sealed charges against several suspects, according to people familiar with the matter.',
      'One of those charged, according to these people, is the founder of a local militia.',
      'Some officials wanted charges filed earlier, those people said.',
    );
    expect(chainFor(text, 'CNN', 'One of those')).toBe('CNN > people familiar with the matter');
    expect(chainFor(text, 'CNN', 'Some officials')).toBe('CNN > people familiar with the matter');
  });
});

describe('speakers and outlets as wire copy writes them', () => {
  it('an interview named before the subject frames the clause whatever its verb', () => {
    expect(chainIn('In an interview with CBS News in 2007, Ann Cole defended the program as lawful.', 'In an')).toBe(
      'CNN > CBS News > Ann Cole',
    );
    expect(chainIn('In an interview with CBS News, Ann Cole was asked about the program.', 'In an')).toBe('CNN');
  });
  it("an indirect question is the asker's (\"Rose asked if\"), not a passive's nor a time clause's", () => {
    expect(chainIn('Justice Ann Cole asked if the state could seize the car.', 'Justice')).toBe('CNN > Ann Cole');
    expect(chainIn('Rep. Jane Doe was asked if she would run again.', 'Rep.')).toBe('CNN');
    expect(chainIn('When Ann Cole asked whether the plan was legal, Jane Doe said it was.', 'When')).toBe(
      'CNN > Jane Doe',
    );
  });
  it('"he said" is not a woman the text calls "Ms.", when a man it calls "Mr." is at hand', () => {
    const text = (who: string) =>
      article(
        `${who} Tom Baker has said he is a fan of small government.`,
        'Some in the party are uneasy, and Ms. Ann Ward has said her opponent “is not mainstream.” Ms. Ward is backed by the county executive.',
        'The attempts to derail his campaign do not sit well with the farmer.',
        '“I did the right thing,” he told reporters.',
      );
    expect(chainFor(text('Mr.'), 'CNN', '“I did')).toBe('CNN > Tom Baker');
    // Without a sign of his gender the nearest person stays.
    expect(chainFor(text('Farmer'), 'CNN', '“I did')).toBe('CNN > Ann Ward');
  });
  it('a party and state tag between the name and the verb ("Sen. Ted Cruz, R-Texas, said") keeps the speaker', () => {
    expect(chainIn('Sen. Ted Cruz, R-Texas, said the bill would fail.', 'Sen.')).toBe('CNN > Ted Cruz');
    expect(chainIn('Rep. Jane Doe, D-Calif., told reporters the vote was close.', 'Rep.')).toBe('CNN > Jane Doe');
  });
  it('a party tag followed by an apposition or a relative clause keeps the person, not the body the role names', () => {
    expect(
      chainIn('Sen. Ann Cole, R-Ohio, a member of the Senate Finance Committee, said the talks had stalled.', 'Sen.'),
    ).toBe('CNN > Ann Cole');
    expect(chainIn('Rep. Jane Doe, D-Calif., who sits on the panel, said the vote was close.', 'Rep.')).toBe(
      'CNN > Jane Doe',
    );
    expect(
      chainIn('Sen. Ann Cole (R-Ohio), head of the Senate Finance Committee, said the talks had stalled.', 'Sen.'),
    ).toBe('CNN > Ann Cole');
    expect(
      chainIn('Rep. Jane Doe (D., Calif.), chairman of the Budget Committee, said the vote was close.', 'Rep.'),
    ).toBe('CNN > Jane Doe');
  });
  it('a plural subject\'s base-form verb reports ("Health experts warn", "Critics argue")', () => {
    expect(chainIn('Health experts warn that the virus could spread further.', 'Health')).toBe('CNN > health experts');
    expect(chainIn('Many analysts argue that the plan is too costly.', 'Many')).toBe('CNN > many analysts');
  });
  it('an aside "speaking at <place>" between the speaker and the verb is no subject', () => {
    const text = article(
      'Defense Secretary Mark Esper said on Tuesday that troops would leave.',
      'Esper, speaking at the Pentagon, added that the drawdown would take weeks.',
    );
    expect(chainFor(text, 'CNN', 'Esper,')).toBe('CNN > Mark Esper');
  });
  it('an outlet described by its standing ("state media", "local media", "told state TV") is a hop in its own words', () => {
    expect(chainIn('The attack killed seven, state media reported.', 'The attack')).toBe('CNN > state media');
    const text = article(
      'The building was hit by six missiles, Iran’s ambassador, Hossein Akbari, told Iranian state TV.',
      'Local media reported that the blast was heard across the city.',
    );
    expect(chainFor(text, 'CNN', 'The building')).toBe('CNN > Iranian state TV > Hossein Akbari');
    expect(chainFor(text, 'CNN', 'Local media')).toBe('CNN > Local media');
  });
});

describe('interview channels are hops', () => {
  const outlet = 'The Daily Planet';
  it('"in a brief interview with Politico on Wednesday, X said": an interview described by more words names its outlet', () => {
    const text = article('In a brief interview with Politico on Wednesday, Mayor Tom Hill said the plan was dead.');
    expect(chainFor(text, outlet, 'In a brief')).toBe('The Daily Planet > Politico > Tom Hill');
  });
  it('"denied ... during an interview Friday on MSNBC’s" names the channel after a long object', () => {
    const text = article(
      'Mayor Tom Hill denied the incident ever happened during an interview Friday on MSNBC’s “Morning Joe.”',
    );
    expect(chainFor(text, outlet, 'Mayor')).toBe('The Daily Planet > MSNBC > Tom Hill');
  });
  it('"X said on CNN’s ..." and "Speaking on NPR, X said": the programme that aired the words', () => {
    expect(
      chainFor(article('"The plan is dead," Mayor Tom Hill said on CNN’s “State of the Union.”'), outlet, '"The'),
    ).toBe('The Daily Planet > CNN > Tom Hill');
    expect(chainFor(article('Speaking on NPR, Mayor Tom Hill said the plan was dead.'), outlet, 'Speaking')).toBe(
      'The Daily Planet > NPR > Tom Hill',
    );
    expect(chainFor(article('Mayor Tom Hill said on Sunday that the plan was dead.'), outlet, 'Mayor')).toBe(
      'The Daily Planet > Tom Hill',
    );
  });
  it('", in an interview with Reuters," between subject and verb leaves the subject speaking', () => {
    const text = article('Mayor Tom Hill, in an interview with Reuters, said the plan was dead.');
    expect(chainFor(text, outlet, 'Mayor')).toBe('The Daily Planet > Reuters > Tom Hill');
  });
  it("the interview stays on the speaker's next words until another occasion is named", () => {
    const text = article(
      'In an interview with the BBC, Mayor Tom Hill said the plan was dead. "We tried everything," Hill said. He also said the council had voted twice.',
      'Now, Hill says the plan may return.',
    );
    expect(chainFor(text, outlet, '"We tried')).toBe('The Daily Planet > BBC > Tom Hill');
    expect(chainFor(text, outlet, 'He also')).toBe('The Daily Planet > BBC > Tom Hill');
    expect(chainFor(text, outlet, 'Now,')).toBe('The Daily Planet > Tom Hill');
    const statement = article(
      'In an interview with the BBC, Mayor Tom Hill said the plan was dead. "We tried everything," he wrote in a statement.',
    );
    expect(chainFor(statement, outlet, '"We tried')).toBe('The Daily Planet > Tom Hill');
  });
  it('an outlet that only heard the words ("told Reuters") does not stay on the next ones', () => {
    const text = article('Mayor Tom Hill told Reuters the plan was dead. "We tried everything," he said.');
    expect(chainFor(text, outlet, '"We tried')).toBe('The Daily Planet > Tom Hill');
  });
  it("another source's words inside the speaker's sentence are not what the interview aired", () => {
    const text = article(
      'In an interview with the BBC, Mayor Tom Hill admitted the city had failed Ana Ruiz, whom the Audit Office has accused of fraud.',
    );
    expect(chainFor(text, outlet, 'whom')).toBe('The Daily Planet > Audit Office');
  });
});

describe("a claim named by its owner ('X’s claims that ...')", () => {
  const text = article(
    'Governor Ruth Bane dismissed Mayor Tom Hill’s claims that the election was stolen.',
    'Senator Ann Cole said Mayor Tom Hill’s allegations that the vote was rigged were baseless.',
  );
  it("is the owner's claim, relayed by the outlet, beside the sentence's own", () => {
    expect(chainFor(text, 'CNN', 'Governor')).toBe('CNN > Ruth Bane');
    expect(chainFor(text, 'CNN', 'Mayor Tom Hill’s claims')).toBe('CNN > Tom Hill');
    expect(chainFor(text, 'CNN', 'Mayor Tom Hill’s allegations')).toBe('CNN > Tom Hill');
  });
  it('is a noun after the possessive, not a report of the speaker\'s source ("said X’s allegations ...")', () => {
    expect(chainFor(text, 'CNN', 'Senator')).toBe('CNN > Ann Cole');
    expect(
      chainFor(
        article('Two more people backed some of Ann Cole’s claims that the plan failed, according to Reuters.'),
        'CNN',
        'Two more',
      ),
    ).toBe('CNN > Reuters');
  });
});

describe('sources named by their whole name or after "that"', () => {
  it('a source noun inside the name ("the Ministry of Energy") is the named body, which "It" names again', () => {
    const text = article(
      'The Ministry of Energy said in a statement that the plant would close. It added that 300 jobs would be lost.',
    );
    expect(chainFor(text, 'CNN', 'The Ministry')).toBe('CNN > Ministry of Energy');
    expect(chainFor(text, 'CNN', 'It added')).toBe('CNN > Ministry of Energy');
  });
  it('"Reuters reported that the ministry had said": the source begins after "that"', () => {
    const text = article('Reuters reported that the Ministry of Energy had said the plant would close.');
    expect(chainFor(text, 'CNN', 'Reuters')).toBe('CNN > Reuters > Ministry of Energy');
  });
  it('"X rejected it as inappropriate" inside a report is an act, not a second source', () => {
    const text = article(
      'Bloomberg said the aides were shocked by the request and that Mayor Tom Hill rejected it as inappropriate.',
    );
    expect(chainFor(text, 'CNN', 'Bloomberg')).toBe('CNN > Bloomberg');
  });
});

describe('an aside between subject and verb', () => {
  it('", in a statement," / ", on Twitter," / ", at a news conference on Monday," leaves the subject speaking', () => {
    expect(chainFor(article('The Ministry of Energy, in a statement, said the plant would close.'), 'CNN', 'The')).toBe(
      'CNN > Ministry of Energy',
    );
    expect(chainFor(article('Mayor Tom Hill, on Twitter, said the plant would close.'), 'CNN', 'Mayor')).toBe(
      'CNN > Tom Hill',
    );
    expect(
      chainFor(article('Mayor Tom Hill, at a news conference on Monday, said the plant would close.'), 'CNN', 'Mayor'),
    ).toBe('CNN > Tom Hill');
  });
});

describe('an inverted frame with a relative clause', () => {
  it('", said one official who was not authorized to speak publicly": the speaker ends before "who"', () => {
    const text = article('The talks had stalled, said one official who was not authorized to speak publicly.');
    expect(chainFor(text, 'CNN', 'The talks')).toBe('CNN > one official');
  });
});

describe('groups of people named by what they do ("Critics say", "Economists warned")', () => {
  it('keeps the group as the source in its own words, in several reporting styles', () => {
    expect(chainFor(article('The council passed the budget. Critics say it will raise taxes.'), 'CNN', 'Critics')).toBe(
      'CNN > critics',
    );
    expect(
      chainFor(article('The bank cut rates. Economists warned that growth would slow.'), 'Reuters', 'Economists'),
    ).toBe('Reuters > economists');
    expect(
      chainFor(article('The poll shows a tie. The margin is within the error, pollsters say.'), 'NPR', 'The margin'),
    ).toBe('NPR > pollsters');
    expect(
      chainFor(article('Crowds gathered. Demonstrators said police had used tear gas.'), 'Xinhua', 'Demonstrators'),
    ).toBe('Xinhua > demonstrators');
    expect(chainFor(article('The ruling stood. Others have argued that the court overstepped.'), 'Vox', 'Others')).toBe(
      'Vox > others',
    );
  });
  it('takes no source noun deep inside a clause for the subject', () => {
    const text = article(
      "Her gambit looked set to provoke the kind of spectacle triggered by attorney Jane Doe's harassment claims against the judge.",
    );
    expect(chainFor(text, 'CNN', 'Her gambit')).toBe('CNN');
  });
  it('"argued for a course" advocates and reports no assertion; "argued that" does', () => {
    expect(chainFor(article('Officials differed. Others argued for a more cautious approach.'), 'WSJ', 'Others')).toBe(
      'WSJ',
    );
    expect(
      chainFor(article('Officials differed. Critics argued that the plan was too costly.'), 'WSJ', 'Critics'),
    ).toBe('WSJ > critics');
  });
});

describe('a person given a role without an article ("Jane Doe, director of the agency, said")', () => {
  it('keeps the person, not the role or the body named in it, in wire and broadcast styles', () => {
    expect(
      chainFor(article('Jane Doe, director of the National Water Council, said the dam would hold.'), 'AP', 'Jane'),
    ).toBe('AP > Jane Doe');
    expect(
      chainFor(
        article('Jane Doe, executive director of the Clean Air Fund, told Reuters the plan failed.'),
        'NPR',
        'Jane',
      ),
    ).toBe('NPR > Reuters > Jane Doe');
    expect(
      chainFor(
        article('Mayor Tom Hill met the board. Jane Doe, Hill’s chief of staff, said the talks failed.'),
        'CNN',
        'Jane',
      ),
    ).toBe('CNN > Jane Doe');
  });
});

describe('a body or a person named again by a role noun', () => {
  it('"the department", "the bureau": the body whose name holds the noun, named before', () => {
    const text = article(
      'The Department of Energy opened an inquiry into the sale. The sale was worth $2 billion.',
      'The department said in a statement that it would review all documents.',
    );
    expect(chainFor(text, 'CNN', 'The department')).toBe('CNN > U.S. Department of Energy');
    const fbi = article(
      'The Federal Bureau of Investigation opened an inquiry. Two banks were named.',
      'The bureau said it had found no evidence of fraud.',
    );
    expect(chainFor(fbi, 'Xinhua', 'The bureau')).toBe('Xinhua > FBI');
  });
  it('"the office" names no body whose name lacks the noun', () => {
    const text = article(
      'The Pentagon released the report. It was 40 pages long.',
      'The office said the findings were preliminary.',
    );
    expect(chainFor(text, 'CNN', 'The office')).toBe('CNN');
  });
  it('"the spokeswoman": the person given that role in apposition before', () => {
    const text = article(
      'Jane Doe, a spokeswoman for the Health Department, confirmed the closure. The clinic served 400 patients.',
      'The spokeswoman added that no staff would lose their jobs.',
    );
    expect(chainFor(text, 'AP', 'The spokeswoman')).toBe('AP > Jane Doe');
  });
  it("a person's campaign or office speaks for the person, in the text's words", () => {
    const text = article(
      'Senator Jane Doe spoke on Monday. Doe’s campaign said it had raised $10 million.',
      'The Doe campaign said the money came from small donors. Doe’s office said she would not attend.',
    );
    expect(chainFor(text, 'CNN', 'Doe’s campaign')).toBe('CNN > Doe’s campaign');
    expect(chainFor(text, 'CNN', 'The Doe campaign')).toBe('CNN > the Doe campaign');
    expect(chainFor(text, 'CNN', 'Doe’s office')).toBe('CNN > Doe’s office');
  });
});

describe('embedded posts', () => {
  it('gives the lines signed "— Name (@handle) Month D, YYYY" to their author', () => {
    const text = article(
      'The senator answered on Twitter.',
      'Just returned from the border. The wall works! — Jane Doe (@SenJaneDoe) May 28, 2017',
      'The post drew 20,000 replies.',
    );
    expect(chainFor(text, 'Newsmax', 'Just returned')).toBe('Newsmax > Jane Doe');
    expect(chainFor(text, 'Newsmax', 'The wall works')).toBe('Newsmax > Jane Doe');
    expect(chainFor(text, 'Newsmax', 'The post drew')).toBe('Newsmax');
  });
});

describe('outlets of world knowledge', () => {
  it('"according to The Hill" cites the outlet', () => {
    expect(
      chainFor(article('The House bill includes $5 billion, according to The Hill.'), 'Fox News', 'The House'),
    ).toBe('Fox News > The Hill');
  });
});

describe('parties to a case and unattributed reports', () => {
  it('"the plaintiffs argued" is the plaintiffs, and a quote-only sentence after it too', () => {
    const text = article(
      'The rule “undermines confidence in the courts,” the plaintiffs argued. “Sanctions would be the minimum relief.”',
    );
    expect(chainFor(text, 'NYT', 'The rule')).toBe('NYT > the plaintiffs');
    expect(chainFor(text, 'NYT', '“Sanctions')).toBe('NYT > the plaintiffs');
    expect(chainFor(article('Defendants say the search was illegal.'), 'AP', 'Defendants')).toBe('AP > defendants');
  });
  it('"Reports have surfaced that", "Reports emerged that": the reports are the source', () => {
    expect(
      chainFor(article('Reports have also surfaced recently that the minister sold shares.'), 'Newsmax', 'Reports'),
    ).toBe('Newsmax > reports');
    expect(chainFor(article('The aide left. Reports emerged that she had been fired.'), 'BBC', 'Reports')).toBe(
      'BBC > reports',
    );
    expect(chainFor(article('Reports of the fire reached the capital at noon.'), 'BBC', 'Reports')).toBe('BBC');
  });
  it('an adverb between the source and its verb stays out of the label ("a top official even said")', () => {
    expect(
      chainFor(article('And a top White House official even said Friday that the vote would fail.'), 'Fox News', 'And'),
    ).toBe('Fox News > a top White House official');
  });
});

describe('admissions after a plural subject', () => {
  it('"..., the bankers admit", "Officials acknowledge that", "Critics concede"', () => {
    expect(chainFor(article('The deal is unlikely to pass, the bankers admit.'), 'CNBC', 'The deal')).toBe(
      'CNBC > the bankers',
    );
    expect(chainFor(article('Officials acknowledge that the plan has flaws.'), 'CNBC', 'Officials')).toBe(
      'CNBC > officials',
    );
    expect(chainFor(article('Critics concede the law works.'), 'CNBC', 'Critics')).toBe('CNBC > critics');
  });
});

describe('adverbs of time and manner before the verb', () => {
  it('"has long denied", "flatly denied", "has categorically denied" keep their subject', () => {
    expect(chainIn('The White House has long denied those accusations.', 'The White House')).toBe('CNN > White House');
    expect(chainIn('Jane Doe flatly denied the charges on Tuesday.', 'Jane Doe')).toBe('CNN > Jane Doe');
    expect(chainIn('Jane Doe has categorically denied the allegation.', 'Jane Doe')).toBe('CNN > Jane Doe');
  });
});

describe('titles with their tenure and rank', () => {
  it('"the former vice president", "the acting secretary": the holder of that title', () => {
    const text = article(
      'Former Vice President John Roe spoke in Ohio on Monday, while President Jane Doe was in Florida and acting Secretary Tom Poe was at the border.',
      'The former vice president told reporters that the tariffs had hurt farmers.',
      'The acting secretary said the border was secure.',
    );
    expect(chainFor(text, 'CNN', 'The former vice president')).toBe('CNN > John Roe');
    expect(chainFor(text, 'CNN', 'The acting secretary')).toBe('CNN > Tom Poe');
  });
  it('"the president" is not the vice president named after the president', () => {
    const text = article(
      'President Jane Doe met Vice President John Roe on Monday.',
      'The president said the economy was strong.',
    );
    expect(chainFor(text, 'CNN', 'The president')).toBe('CNN > Jane Doe');
  });
});

describe('a group named by where it sits', () => {
  it('"Senators on the Hill", "Analysts at Goldman Sachs": the group in the text\'s words, not the place', () => {
    expect(chainIn('Senators on the Hill said the bill would not pass before the recess.', 'Senators')).toBe(
      'CNN > senators on the Hill',
    );
    expect(chainIn('Analysts at Goldman Sachs said the economy would slow.', 'Analysts')).toBe(
      'CNN > analysts at Goldman Sachs',
    );
  });
  it('a clause is no group ("asked his thoughts on GOP fundraisers")', () => {
    expect(
      chainIn(
        'Jane Doe did not answer when asked his thoughts on GOP fundraisers telling donors that they could give.',
        'Jane Doe',
      ),
    ).not.toContain('asked');
  });
});

describe('a document named again speaks for its issuer', () => {
  it('"The memo argued", "the letter says": the issuer named where the document was introduced', () => {
    expect(
      chainFor(
        article(
          'A memo by former campaign staffer Tom Poe advised candidates to meet the activists.',
          'The memo argued that the party should be a partner.',
        ),
        'CNN',
        'The memo',
      ),
    ).toBe('CNN > Tom Poe');
    expect(
      chainFor(
        article(
          'The allegations were detailed in a letter released Monday by Rep. Jane Doe of Maryland, chairman of the committee.',
          '"These individuals had serious issues," the letter says.',
        ),
        'CNN',
        '"These',
      ),
    ).toBe('CNN > Jane Doe');
    expect(
      chainFor(
        article('Jane Doe issued a statement on Monday.', 'The statement said the talks would resume.'),
        'CNN',
        'The statement',
      ),
    ).toBe('CNN > Jane Doe');
  });
  it('the whole subject that signed it, not the name inside ("Thousands of Acme employees have signed a letter")', () => {
    expect(
      chainFor(
        article(
          'Thousands of Acme employees have signed an open letter to the board.',
          '"We ask that the project be cancelled," the letter says.',
        ),
        'BBC',
        '"We ask',
      ),
    ).toBe('BBC > thousands of Acme employees');
  });
  it('a letter "obtained by" an outlet is not its own', () => {
    expect(
      chainFor(
        article(
          'In a letter obtained by CNN, the Office of the Attending Physician told lawmakers that it was monitoring the cases.',
          '"The office has adopted a very conservative guideline," the letter said.',
        ),
        'CNN',
        '"The office',
      ),
    ).toBe('CNN > Office of the Attending Physician');
  });
  it('a document received is not issued by its reader ("Jane Doe received a letter")', () => {
    expect(
      chainFor(
        article('Jane Doe received a letter on Monday.', 'The letter said her permit had expired.'),
        'CNN',
        'The letter',
      ),
    ).toBe('CNN');
  });
});

describe('passive reporting verbs past an adverb', () => {
  it('"The letter was first disclosed", "He was later confirmed": no one speaks', () => {
    const text = article(
      'Jane Doe said the nominee would win.',
      'Tom Poe was later confirmed in 1997 on a 76-23 vote.',
      'Trump is also expected to meet the troops.',
    );
    expect(chainFor(text, 'CNN', 'Tom Poe')).toBe('CNN');
    expect(chainFor(text, 'CNN', 'Trump is')).toBe('CNN');
  });
});

describe('a quotation closed by a speaking verb and a name', () => {
  it('"...," advised Sen. X / fumed X / agreed X: that person, not the speaker before', () => {
    const text = article(
      'Republicans said the bill was dead.',
      '"Do not vote for it," advised Sen. Jane Doe (R-Utah).',
      '"It will pass anyway," fumed Tom Poe of Solon, who works for a think tank.',
    );
    expect(chainFor(text, 'CNN', '"Do not')).toBe('CNN > Jane Doe');
    expect(chainFor(text, 'CNN', '"It will')).toBe('CNN > Tom Poe');
  });
});

describe('"it" as a speaker', () => {
  it('reads the organisation the sentence before opens with, also when it reported no words', () => {
    const text = article(
      'The Treasury Department declined to explain how it reads the rule, although it provided a general statement. “The office is committed to complying fully with the law,” it said.',
    );
    expect(chainFor(text, 'CNN', '“The office')).toBe('CNN > U.S. Treasury');
  });
  it('does not read an organisation that only opens a longer subject', () => {
    const text = article(
      'The Treasury Department’s lawyers declined to explain the rule. “The office is committed to the law,” it said.',
    );
    expect(chainFor(text, 'CNN', '“The office')).toBe('CNN');
  });
});

describe('a quotation closed or opened by a speaking verb the lexicon lacks', () => {
  it('reads the subject before the verb: a pronoun, a name or an unnamed person', () => {
    const text = article(
      'Sen. Marco Rubio pressed the nominee on Russia. “Do you think the bombing of Aleppo was a war crime?” he asked. “We will win this fight,” Rubio vowed.',
    );
    expect(chainFor(text, 'CNN', '“Do you')).toBe('CNN > Marco Rubio');
    expect(chainFor(text, 'CNN', '“We will')).toBe('CNN > Marco Rubio');
    expect(
      chainFor(
        article('“Can you understand why some people might not trust you?” a reporter asked President Barack Obama.'),
        'CNN',
        '“Can you',
      ),
    ).toBe('CNN > a reporter');
  });
  it('reads a verb that opens the quotation ("Muir asked, “...”")', () => {
    const text = article('David Muir turned to the senator. Muir asked, “Senator, is waterboarding torture?”');
    expect(chainFor(text, 'CNN', 'Muir asked')).toBe('CNN > David Muir');
  });
});

describe('"the Republican", "the Connecticut Democrat": a party member named again', () => {
  it('reads the person who spoke in the sentence before, not the party', () => {
    const text = article(
      'House Foreign Affairs Committee Chairman Ed Royce said the president should have picked a doctor. “It is right to task a single individual,” the California Republican said.',
    );
    expect(chainFor(text, 'CNN', '“It is right')).toBe('CNN > Ed Royce');
  });
  it('reads the person the sentence before opens with, and skips names inside quotations', () => {
    const text = article(
      'Jeff Sessions has a lot of answers to that question. “I grew up with Bill Clinton in a poor area,” the three-term Republican noted during an interview.',
    );
    expect(chainFor(text, 'CNN', '“I grew up')).toBe('CNN > Jeff Sessions');
  });
});

describe('"a South Carolina Republican", "one House Democrat": one unnamed member, not the party', () => {
  it("keeps the member in the text's words", () => {
    const text = article(
      'The bill passed the House on Tuesday. “We did what we promised,” a South Carolina Republican said. One House Democrat called the vote “a disgrace.”',
    );
    expect(chainFor(text, 'Politico', '“We did')).toBe('Politico > a South Carolina Republican');
    expect(chainFor(text, 'Politico', 'One House Democrat')).toBe('Politico > One House Democrat');
  });
  it('reads the person an apposition describes ("Jane Roe, a Democrat, said")', () => {
    const text = article('Minnesota Gov. Jane Roe, a Democrat, recently said the law was no longer affordable.');
    expect(chainFor(text, 'Washington Times', 'Minnesota Gov.')).toBe('Washington Times > Jane Roe');
  });
});

describe('"according to" past the dots of abbreviations ("U.S.", "Col.", "Mr.")', () => {
  it('reads the whole source at either end of the clause', () => {
    const text = article(
      'The strike hit a depot, according to U.S. officials. According to Col. Mark Lee, a spokesman for the coalition, two trucks burned. The fire spread, according to Mr. Lee.',
    );
    expect(chainFor(text, 'AP', 'The strike')).toBe('AP > U.S. officials');
    expect(chainFor(text, 'AP', 'According to Col.')).toBe('AP > Mark Lee');
    expect(chainFor(text, 'AP', 'The fire')).toBe('AP > Mark Lee');
  });
  it('ends the source at a dash ("according to the Pentagon — is inadequate"), not inside a span of years', () => {
    const text = article(
      'The conference - although it saves $70 million a year, according to the Pentagon — is inadequate. According to the latest (2012–2014) data from the Census Bureau, rents rose.',
    );
    expect(chainFor(text, 'AP', 'The conference')).toBe('AP > U.S. Department of Defense');
    expect(chainFor(text, 'AP', 'According to the latest')).toBe(
      'AP > the latest (2012–2014) data from the Census Bureau',
    );
  });
  it('takes no name in apposition from the next sentence', () => {
    const text = article(
      'The strike hit a depot, according to American officials. According to American officials, two trucks burned.\n\nAccording to Ann Roe, the fire spread.',
    );
    expect(chainFor(text, 'AP', 'According to American')).toBe('AP > American officials');
  });
});

describe('a document named with words after its noun speaks for its issuer', () => {
  it('reads the issuer after "by"/"from" or before the noun ("a report last month by X showed", "A CNN poll ... found")', () => {
    const text = article(
      'But a report last month by the nonpartisan Congressional Research Service showed a more complex picture. A CNN poll earlier this month showed him with 30 percent support.',
    );
    expect(chainFor(text, 'The Hill', 'But a report')).toBe('The Hill > Congressional Research Service');
    expect(chainFor(text, 'The Hill', 'A CNN poll')).toBe('The Hill > CNN');
  });
  it('takes no name inside a longer description after "by" ("a study by scientists in the U.S.")', () => {
    const text = article('A recent study by scientists in the U.S. found that the virus could be detected for hours.');
    expect(chainFor(text, 'CNN', 'A recent study')).toBe('CNN');
  });
});

describe('an inverted frame past a middle initial', () => {
  it('reads the whole name ("said Rep. Sean P. Duffy, Wisconsin Republican")', () => {
    const text = article(
      '“We are going to leave them with higher tax rates,” said Rep. Sean P. Duffy, Wisconsin Republican.',
    );
    expect(chainFor(text, 'Washington Times', '“We are')).toBe('Washington Times > Sean P. Duffy');
  });
});

describe('"telling" as a participial report, and "states" as a noun', () => {
  it('gives ", telling them that ..." to the subject of a clause whose verb is no speech, past a dateline and a day', () => {
    const text = article(
      'TALLINN (Reuters) - U.S. Vice President Mike Pence on Monday assured the Baltic states of U.S. support, telling them that Washington firmly backs the alliance.',
    );
    expect(chainFor(text, 'Reuters', 'telling them')).toBe('Reuters > Mike Pence');
    expect(chainFor(text, 'Reuters', 'TALLINN')).toBe('Reuters > Mike Pence');
  });
  it('does not read "the Baltic states of", "residents of some states" as someone stating', () => {
    const text = article(
      'Residents of some states could have kept their subsidies, while others could have lost them.',
    );
    expect(chainFor(text, 'NPR', 'Residents')).toBe('NPR');
  });
});

describe('a subject with an apposition before the verb', () => {
  it('reads "X, <role>, says <clause>" as X, not the clause as an inverted speaker', () => {
    expect(
      chainIn('Meg Murray, CEO of Acme Health, says the government owes $627 million to the insurers.', 'Meg Murray'),
    ).toBe('CNN > Meg Murray');
    expect(
      chainIn(
        'Dan Isom, a retired police chief, said the diversity of the police rank and file affects community relations.',
        'Dan Isom',
      ),
    ).toBe('CNN > Dan Isom');
  });
  it('keeps an inverted frame after a fronted clause ("When ..., the two spoke about it, said X")', () => {
    expect(
      chainIn('When Jane Roe called the governor, the two briefly spoke about the pipeline, said Jane Roe.', 'When'),
    ).toBe('CNN > Jane Roe');
  });
});

describe('a title named alone ("the senator said")', () => {
  it('is the person given that title in short ("Sen.", "Gov.") or with its field ("Secretary of State")', () => {
    const text = article(
      'Sen. Jane Roe and Gov. Tom Poe met Secretary of State John Doe in Ohio on Monday.',
      'The tariffs had hurt farmers, the senator said.',
      'The state would sue, the governor told reporters.',
      'The talks would go on, the secretary said.',
    );
    expect(chainFor(text, 'CNN', 'The tariffs')).toBe('CNN > Jane Roe');
    expect(chainFor(text, 'CNN', 'The state')).toBe('CNN > Tom Poe');
    expect(chainFor(text, 'CNN', 'The talks')).toBe('CNN > John Doe');
  });
  it('a qualified title ("the Arizona senator") is not the holder of its short form named before', () => {
    const text = article(
      'Sen. Jane Roe met farmers in Ohio on Monday.',
      'The tariffs had hurt farmers, the Arizona senator told reporters.',
    );
    expect(chainFor(text, 'CNN', 'The tariffs')).not.toBe('CNN > Jane Roe');
  });
  it('stays an unnamed office holder in its own words when no one is given the title', () => {
    const text = article('Farmers met in Ohio on Monday.', 'The tariffs had hurt farmers, the senator said.');
    expect(chainFor(text, 'CNN', 'The tariffs')).toBe('CNN > the senator');
  });
});

describe('a document named with its issuer', () => {
  const ctx = 'On Monday, Amnesty International and the Labor Department clashed with the Kremlin over the camps.';
  it('"X\'s report found", "the camps were full, X\'s report found": the issuer', () => {
    const text = article(
      ctx,
      "Amnesty International's report found that the camps were full.",
      "Most guards were paid late, the Labor Department's latest report showed.",
    );
    expect(chainFor(text, 'CNN', 'Amnesty')).toBe('CNN > Amnesty International');
    expect(chainFor(text, 'CNN', 'Most guards')).toBe('CNN > U.S. Department of Labor');
  });
  it('"X\'s report said": the issuer, not an outlet named by the report', () => {
    const text = article(ctx, "The Labor Department's report said the camps were full.");
    expect(chainFor(text, 'CNN', 'The Labor')).toBe('CNN > U.S. Department of Labor');
  });
  it('not a report about X', () => {
    const text = article(ctx, 'A report on the Kremlin found that the camps were full.');
    expect(chainFor(text, 'CNN', 'A report')).not.toBe('CNN > Kremlin');
  });
});

describe('a name the actor stage missed, before a role in apposition', () => {
  it('"Elizabeth May, the leader of the Green Party, said": the person, not the party', () => {
    expect(chainIn('Elizabeth May, the leader of the Green Party, said the vote was rigged.', 'Elizabeth')).toBe(
      'CNN > Elizabeth May',
    );
    expect(
      chainIn('Cliff May, president of the Foundation for the Defense of Democracies, says the deal is weak.', 'Cliff'),
    ).toBe('CNN > Cliff May');
  });
  it('not a group described by what it does', () => {
    expect(chainIn('Heritage Action, the group led by him, said the bill was dead.', 'Heritage')).not.toBe(
      'CNN > Heritage Action > him',
    );
  });
});

describe('a speech act the lexicon lacks, before its that-complement', () => {
  it('"complained/lamented/countered/testified/promised ... that" and "points out that" are the subject\'s words', () => {
    expect(chainIn('Sen. Rand Paul lamented Wednesday that he could not block the nomination.', 'Sen. Rand')).toBe(
      'CNN > Rand Paul',
    );
    expect(chainIn('Prosecutors countered that nobody in the building heard her.', 'Prosecutors')).toBe(
      'CNN > prosecutors',
    );
    expect(chainIn('Senator Ted Cruz promised voters that he would repeal the law.', 'Senator')).toBe('CNN > Ted Cruz');
    expect(chainIn('Jane Roe of Human Rights First points out that the report shows no evidence.', 'Jane')).toBe(
      'CNN > Jane Roe',
    );
  });
  it('not as a noun, before an object with a relative clause, after a pronoun, or "that" as a determiner', () => {
    const t = article(
      'Sen. Ted Cruz complained about the rules that govern the chamber. His promises that taxes would fall were broken.',
      'Rep. Trey Gowdy reiterated that position on Sunday. Friends of Merrick Garland point out that he waited before.',
      'If Romney agrees that the mandate is no tax, the aides argued, Obama is safe.',
    );
    expect(chainFor(t, 'CNN', 'Sen. Ted Cruz complained')).toBe('CNN');
    expect(chainFor(t, 'CNN', 'His promises')).toBe('CNN');
    expect(chainFor(t, 'CNN', 'Rep. Trey Gowdy')).toBe('CNN');
    expect(chainFor(t, 'CNN', 'Friends')).not.toContain('Garland');
    expect(chainFor(t, 'CNN', 'If Romney')).not.toContain('Romney');
  });
});

describe('an inverted frame in the present tense or with a verb the lexicon lacks', () => {
  it('"“...,” explains / recalls / notes X" is X\'s', () => {
    const t = article(
      '“We want answers,” explains Linda Blumberg of the Urban Institute.',
      '“We didn’t talk a whole lot about policy,” recalls Matt Reisetter, a campaign staffer.',
      '“A great chunk seems to wind up in administration,” notes the Cato Institute’s Neal McClusky.',
    );
    expect(chainFor(t, 'CNN', '“We want')).toBe('CNN > Linda Blumberg');
    expect(chainFor(t, 'CNN', '“We didn’t')).toBe('CNN > Matt Reisetter');
    expect(chainFor(t, 'CNN', '“A great')).toBe('CNN > Neal McClusky');
  });
  it("only right after the quotation's comma and before a capital", () => {
    const t = article('The committee explains its rules on its website, and everyone recalls the vote.');
    expect(chainFor(t, 'CNN', 'The committee')).toBe('CNN');
  });
});

describe('"X went on to say that ..."', () => {
  it('is the subject\'s words; "went on to" before any other verb is not', () => {
    const t = article(
      'Press secretary Jay Carney went on to say Friday that the penalty will affect only about 1 percent of Americans.',
      'The bill went on to pass the House.',
    );
    expect(chainFor(t, 'CNN', 'Press')).toBe('CNN > Jay Carney');
    expect(chainFor(t, 'CNN', 'The bill')).toBe('CNN');
  });
});

describe('a lead-in closed by a colon before a quotation', () => {
  it("is its named subject's, and so is the quotation after it", () => {
    const t = article(
      'Sarah Palin spoke on Fox on Monday night.',
      'Palin then spewed some more sentence fragments that made sense to her:',
      '“He is talking about the guests on his show tonight, and that would be the issue.”',
      'Here is what they found:',
      '“Nothing at all changed in the state budget this year, and the deficit grew.”',
    );
    expect(chainFor(t, 'CNN', 'Palin then')).toBe('CNN > Sarah Palin');
    expect(chainFor(t, 'CNN', '“He is')).toBe('CNN > Sarah Palin');
    expect(chainFor(t, 'CNN', '“Nothing')).toBe('CNN');
  });
});

describe('an inverted frame whose speaker carries a party tag or a time after the name', () => {
  it('is the person named first (", said Rep. X (R., Fla.)", "(R) of Florida", "in 2013", "this week")', () => {
    const t = article(
      '“There is a lot more cohesiveness,” said Rep. Dennis Ross (R., Fla.), a member of the class of 2010.',
      '“We should be alarmed,” said Rep. Rich Nugent (R) of Florida.',
      '“We are bringing government closer to the people,” said Gov. Jerry Brown in 2013, the year the law passed.',
      '“It is fine,” said Governor Asa Hutchinson this week.',
      '“It is over,” said Rep. Hank Johnson (D-Ga.) as the convention was gaveled in.',
    );
    expect(chainFor(t, 'CNN', '“There is')).toBe('CNN > Dennis Ross');
    expect(chainFor(t, 'CNN', '“We should')).toBe('CNN > Rich Nugent');
    expect(chainFor(t, 'CNN', '“We are')).toBe('CNN > Jerry Brown');
    expect(chainFor(t, 'CNN', '“It is fine')).toBe('CNN > Asa Hutchinson');
    expect(chainFor(t, 'CNN', '“It is over')).toBe('CNN > Hank Johnson');
  });
  it('not a phrase that goes on past the tag', () => {
    const t = article('“It is a mess,” said the aide to Rep. Dennis Ross (R., Fla.) in a statement.');
    expect(chainFor(t, 'CNN', '“It is')).not.toBe('CNN > Dennis Ross');
  });
});

describe('a pledge before an infinitive', () => {
  it('is the subject\'s claim ("X has promised to extend", "X pledged not to use")', () => {
    const t = article(
      'Mark Zuckerberg has promised to extend the privacy controls to all users around the world.',
      'Mr. Obama pledged not to use all the powers of this office.',
    );
    expect(chainFor(t, 'CNN', 'Mark')).toBe('CNN > Mark Zuckerberg');
    expect(chainFor(t, 'CNN', 'Mr. Obama')).toBe('CNN > Obama');
  });
  it('not in a subordinate or relative clause, nor as a noun', () => {
    const t = article(
      'Mark Zuckerberg spoke in Washington on Monday.',
      'It would chip away at one of the policies that Mark Zuckerberg promised to support.',
      'Even after Mark Zuckerberg pledged to cooperate with the inquiry, his lawyers kept quiet.',
      'Critics may roll their eyes at promises to build better filters.',
    );
    expect(chainFor(t, 'CNN', 'It would')).toBe('CNN');
    expect(chainFor(t, 'CNN', 'Even after')).toBe('CNN');
    expect(chainFor(t, 'CNN', 'Critics')).toBe('CNN');
  });
});

describe('an excerpt signed after it ("Name, Outlet" ending its line)', () => {
  it("is the writer's in that outlet, right after the excerpt's closing quote", () => {
    const t = article(
      'Some suggest that Congress “remove Trump from office, so that he cannot abuse incumbency.” Edward B. Foley, Politico',
      '“Right now I would say there is a 45 percent chance of Trump winning reelection. The economy will not get better.” Daniel W. Drezner, Washington Post',
      'The left and the right disagree on the ruling.',
    );
    expect(chainFor(t, 'CNN', 'Some suggest')).toBe('CNN > Politico > Edward B. Foley');
    expect(chainFor(t, 'CNN', '“Right now')).toBe('CNN > The Washington Post > Daniel W. Drezner');
    expect(chainFor(t, 'CNN', 'The left')).toBe('CNN');
  });
});

describe('an inverted frame naming a person the actor stage misses', () => {
  it('reads a name with initials whole, and a name before a role in apposition as that person', () => {
    const t = article(
      '“We are seeing borderline panic,” says R.J. Grant, director of equity trading at investment bank KBW.',
      '“Women are the volatile vote,” said Celinda Lake, a Democratic pollster.',
      '“Either one of them would be a good choice,” said Steven Aden, general counsel for the group.',
    );
    expect(chainFor(t, 'CNN', '“We are')).toBe('CNN > R.J. Grant');
    expect(chainFor(t, 'CNN', '“Women')).toBe('CNN > Celinda Lake');
    expect(chainFor(t, 'CNN', '“Either')).toBe('CNN > Steven Aden');
  });
});

describe('a short adverbial or a "whose" clause between the subject and its verb', () => {
  it('is read past ("X, too, said", "X, meanwhile, said", "X, last week, said", "X, whose company ..., said")', () => {
    const t = article(
      'Jim Mattis, too, said the behavior had left no room to imagine accepting the nuclear status.',
      'Joe Biden, meanwhile, said Tuesday that the federal response was working.',
      'Richard Blumenthal, last week, said the delay was tantamount to a cover-up.',
      'Andrew Torba, whose company is popular among conservatives, said the engineer could work for him.',
    );
    expect(chainFor(t, 'CNN', 'Jim')).toBe('CNN > Jim Mattis');
    expect(chainFor(t, 'CNN', 'Joe')).toBe('CNN > Joe Biden');
    expect(chainFor(t, 'CNN', 'Richard')).toBe('CNN > Richard Blumenthal');
    expect(chainFor(t, 'CNN', 'Andrew')).toMatch(/^CNN > /);
  });
});
