import { describe, expect, it } from 'vitest';
import { ballotBeside, releaseDate, sayingBeside, violentToll, yearComma } from '../src/events.js';
import { typeAt } from './events-helpers.js';

describe('violentToll: a death toll of a bombing or a shooting', () => {
  it('needs a count of the dead and a word of violence', () => {
    expect(violentToll('Twin explosions near the embassy today killed at least 20 people.')).toBe(true);
    expect(violentToll('A pair of suicide bombs detonated on Tuesday, killing nearly two dozen people.')).toBe(true);
    expect(violentToll('Six staff members were killed when a gunman opened fire.')).toBe(true);
    // A toll without violence (a disease, an accident), and violence without a toll.
    expect(violentToll('The virus has killed more than 1,000 people since March.')).toBe(false);
    expect(violentToll('The gunman was killed by police.')).toBe(false);
  });
  it('types the dated event ATTACK, not KILLING', () => {
    expect(typeAt('Twin explosions near the embassy in Beirut on Tuesday killed at least 20 people.', 'Tuesday')).toBe(
      'ATTACK',
    );
    expect(typeAt('The virus killed 30 people on Tuesday, officials said.', 'Tuesday')).toBe('KILLING');
    expect(typeAt('The journalist was killed on Tuesday inside the consulate.', 'Tuesday')).toBe('KILLING');
  });
});

describe('event triggers', () => {
  it('a beheading is a killing', () => {
    expect(typeAt('The group has beheaded three Western hostages since August.', 'since August')).toBe('KILLING');
    expect(typeAt('Two weeks later a similar video showed another journalist being beheaded.', 'Two weeks later')).toBe(
      'KILLING',
    );
  });
});

describe('yearComma: the comma that closes a month-day-year date', () => {
  it('belongs to the date, so the clause goes on to the happening it dates', () => {
    const t =
      'The Sept. 11, 2012, attack on the consulate, which resulted in the death of the ambassador, led to hearings.';
    expect(yearComma(t, 4, 18)).toBe(true);
    expect(yearComma('On Monday, the talks began.', 3, 9)).toBe(false);
    expect(typeAt(t, 'Sept. 11, 2012')).toBe('ATTACK');
    expect(typeAt('In a June 1, 2017, letter to the secretary, the senator repeated the charge.', 'June 1, 2017')).toBe(
      'STATEMENT',
    );
  });
});

describe("releaseDate: the date of a document made public is its issuer's statement", () => {
  it('reads a document and its release right before the date', () => {
    expect(releaseDate('A CNN poll released ')).toBe(true);
    expect(releaseDate('according to data released ')).toBe(true);
    expect(releaseDate('according to figures released by the Defense Department on ')).toBe(true);
    expect(releaseDate('The group released a video ')).toBe(true);
    // Not a document, or a release far from the date.
    expect(releaseDate('The hostages were released ')).toBe(false);
    expect(releaseDate('to use foreign-issued documents in ')).toBe(false);
  });
  it('types the release date STATEMENT, and leaves other dates of the sentence alone', () => {
    const t = 'Hiring slowed in November, according to data released Friday by the Labor Department.';
    expect(typeAt(t, 'Friday')).toBe('STATEMENT');
    expect(typeAt(t, 'November')).toBe('OTHER');
    expect(typeAt('In a video released late Friday, two fighters said the air assault was too much.', 'Friday')).toBe(
      'STATEMENT',
    );
  });
});

describe('acts of office and of legislatures are happenings of their own, not statements', () => {
  it('signing into law, approving legislation, confirmation by the Senate, filing suit, taking office', () => {
    expect(typeAt('The governor signed the law on May 4, saying it was worth the fight.', 'May 4')).toBe('OTHER');
    expect(typeAt('Trump had a lot to say about the tax reforms he signed into law in December.', 'December')).toBe(
      'OTHER',
    );
    expect(typeAt('The judge was confirmed by the Senate in April and has said little since.', 'April')).toBe('OTHER');
    expect(typeAt('The state filed a lawsuit on Monday, the attorney general said.', 'Monday')).toBe('OTHER');
    expect(typeAt('He said the border was secure before Obama took office in 2009.', '2009')).toBe('OTHER');
    // The saying keeps its own date.
    expect(typeAt('The governor said on Monday that she signed the bill into law.', 'Monday')).toBe('STATEMENT');
  });
});

describe('storming', () => {
  it('is an attack unless protesters storm', () => {
    expect(
      typeAt('A special forces unit stormed the airport grounds on Thursday before being repelled.', 'Thursday'),
    ).toBe('ATTACK');
    expect(typeAt('Protesters stormed the parliament on Thursday.', 'Thursday')).toBe('PROTEST');
    expect(typeAt('On March 28, the aide stormed out of the meeting room.', 'March 28')).not.toBe('ATTACK');
  });
});

describe('illness and compounds', () => {
  it('a heart or panic attack is no attack, a compound ending in "-killing" no killing', () => {
    expect(typeAt('Sanders had a heart attack while campaigning in Nevada earlier this month.', 'this month')).toBe(
      'OTHER',
    );
    expect(typeAt('Congress may dust off the 1996 law, which allows rule-killing resolutions to pass.', '1996')).toBe(
      'OTHER',
    );
    expect(typeAt('Gunmen attacked the base earlier this month.', 'this month')).toBe('ATTACK');
  });
});

describe('visits', () => {
  it('a visit to a place is a trip (other); one that meets someone, or a state, is a meeting', () => {
    expect(typeAt('Trump visited the border area in California on Friday.', 'Friday')).toBe('OTHER');
    expect(typeAt('Esper, who has visited the base twice this year, said the team was ready.', 'this year')).toBe(
      'OTHER',
    );
    expect(typeAt('Lawmakers visited him on Thursday to discuss the proposal.', 'Thursday')).toBe('MEETING');
    expect(typeAt('He visited James Comey at home in 2017.', '2017')).toBe('MEETING');
    expect(typeAt("Modi's two-day visit to Washington starts Sunday.", 'Sunday')).toBe('MEETING');
    // A statement made during the trip keeps its type.
    expect(
      typeAt('Comey, who spent Friday testifying, told reporters his return visit will come soon.', 'Friday'),
    ).toBe('STATEMENT');
  });
});

describe("a that-less reported clause: 'said he ...' opens what was said", () => {
  it('dates the content, not the saying', () => {
    expect(
      typeAt('The official says she compiled a list of aides who lost their clearances last year.', 'last year'),
    ).toBe('OTHER');
    expect(typeAt('A neighbour said he lived next door to the family in 2009 and 2010.', 'in 2009')).toBe('OTHER');
    expect(typeAt('The governor said they would reopen the schools in the first week of May.', 'May')).toBe('OTHER');
  });
  it('leaves a date beside a word of speech, or across a dash, to the saying', () => {
    expect(typeAt('Officials said they were alarmed by his fiery speech Sunday.', 'Sunday')).toBe('STATEMENT');
    expect(typeAt("The senator said he agreed with the president's Friday tweet.", 'Friday')).toBe('STATEMENT');
    expect(typeAt('The host says she will read the returns on air. — A Viewer (@viewer) March 15, 2017', 'March')).toBe(
      'STATEMENT',
    );
    expect(typeAt('The ministry said on Monday it would close the plant.', 'Monday')).toBe('STATEMENT');
  });
});

describe('sayingBeside: a debate, an announcement or an op-ed right beside the date dates the saying', () => {
  it('types the date STATEMENT when the noun is its neighbour', () => {
    expect(typeAt("We can thank him for having boycotted Thursday night's GOP debate.", 'Thursday night')).toBe(
      'STATEMENT',
    );
    expect(typeAt('Obama stumbled in the first debate on Oct. 3, his aides conceded.', 'Oct. 3')).toBe('STATEMENT');
    expect(typeAt("Bachmann's announcement Wednesday surprised many in her party.", 'Wednesday')).toBe('STATEMENT');
    expect(typeAt('The Supreme Court of California made a similar announcement in January.', 'January')).toBe(
      'STATEMENT',
    );
    expect(typeAt('The newspaper published a guest op-ed Sunday, highlighting the movement.', 'Sunday')).toBe(
      'STATEMENT',
    );
  });
  it('leaves a policy debate, the verb, a far noun and a date anchored elsewhere alone', () => {
    expect(sayingBeside('The debate on Obamacare began in 2009.', 30, 37)).toBe(false);
    expect(typeAt('The debate on Obamacare began in 2009.', '2009')).toBe('OTHER');
    expect(typeAt('The Senate will debate the bill on Monday.', 'Monday')).toBe('OTHER');
    expect(
      typeAt("He was at the bottom of the polls before the debate, and that's where he'll be tomorrow.", 'tomorrow'),
    ).toBe('OTHER');
    expect(typeAt('Democrats face the last debate before Iowa’s caucus on February 3rd.', 'February 3rd')).toBe(
      'OTHER',
    );
    expect(
      typeAt(
        'The announcement comes a day before the committee is scheduled to consider the measures.',
        'a day before',
      ),
    ).toBe('OTHER');
  });
});

describe('ballotBeside: a vote or an election beside the date is what it dates (other)', () => {
  it('types the date OTHER over the clause and the sentence', () => {
    expect(typeAt('Moscow has long denied it sought to influence the 2016 presidential election.', '2016')).toBe(
      'OTHER',
    );
    expect(typeAt('Barr would oversee the investigation into Russian interference in the 2016 election.', '2016')).toBe(
      'OTHER',
    );
    expect(typeAt('“Look no further than today’s vote,” said Senator Dianne Feinstein.', 'today')).toBe('OTHER');
    expect(typeAt('Free-market economists praised the vote late Tuesday, saying it would help.', 'Tuesday')).toBe(
      'OTHER',
    );
    expect(typeAt('The president warned voters ahead of its Tuesday primary, aides said.', 'Tuesday')).toBe('OTHER');
  });
  it('leaves a bare date before a clause, a modifier of another happening and a run-in line alone', () => {
    expect(ballotBeside('Trump said Monday elections should be secure.', 11, 17)).toBe(false);
    expect(typeAt('In a caucus meeting Wednesday, Democrats discussed the measure.', 'Wednesday')).toBe('MEETING');
    expect(
      typeAt('Democrats make play for veterans’ votes MORE on Monday suggested that he was wrong.', 'Monday'),
    ).toBe('STATEMENT');
  });
});

describe('shootingBeside: a shooting beside the date is an attack', () => {
  it('types the date ATTACK', () => {
    expect(typeAt("Last week's shooting in Kansas City reminds us that we stand united, he said.", 'Last week')).toBe(
      'ATTACK',
    );
    expect(typeAt('Racial tensions came to a head in the weeks after the Aug. 9 shooting.', 'Aug. 9')).toBe('ATTACK');
    expect(typeAt('The video includes victims and witnesses to the shootings on November 5, 2009.', 'November')).toBe(
      'ATTACK',
    );
  });
  it('leaves the verb, a compound, a police shooting and a shooting death alone', () => {
    expect(typeAt('In Oregon, officials say they are now shooting for a Dec. 16 launch.', 'Dec. 16')).not.toBe(
      'ATTACK',
    );
    expect(typeAt('Police declined to name the shooting victims on Monday.', 'Monday')).not.toBe('ATTACK');
    expect(typeAt('Since the Aug. 9 shooting death of Michael Brown, the nation has watched.', 'Aug. 9')).toBe(
      'KILLING',
    );
    expect(typeAt('Voters signed up after the August 9 police shooting of Michael Brown.', 'August 9')).not.toBe(
      'ATTACK',
    );
  });
});

describe('a deadline beside the date is what it dates (other)', () => {
  it('types the date OTHER over the clause and the sentence', () => {
    expect(typeAt('Trump faces a March 1 deadline to reach a deal with China in trade talks.', 'March 1')).toBe(
      'OTHER',
    );
    expect(typeAt('Kim stressed the urgency of a deal before the Thursday deadline, he said.', 'Thursday')).toBe(
      'OTHER',
    );
  });
});

describe('yearOfSaying: a year named by its number dates a saying only beside its word', () => {
  it('types the year OTHER when the saying is elsewhere in the sentence', () => {
    expect(typeAt('He admitted to shooting a neighbor and hiding the body in 2001, the police said.', 'in 2001')).toBe(
      'OTHER',
    );
    expect(typeAt('“We made history in 2016, and we will do it again,” he said.', 'in 2016')).toBe('OTHER');
    expect(typeAt('The country ranked last among its peers in 2016, the report said.', 'in 2016')).toBe('OTHER');
  });
  it('leaves a year beside a speech verb, a saying noun or a fronted year before the verb to the saying', () => {
    expect(typeAt('This was foreseen by George Orwell, who wrote in 1946 that language decays.', 'in 1946')).toBe(
      'STATEMENT',
    );
    expect(typeAt('Santorum told Glenn Beck on Fox News in 2011, “There is no such thing.”', 'in 2011')).toBe(
      'STATEMENT',
    );
    expect(typeAt('Back in 2016, Trump said the system was rigged.', 'in 2016')).toBe('STATEMENT');
    expect(typeAt('Gruber said at a lecture in 2012 that the states would lose their subsidies.', 'in 2012')).toBe(
      'STATEMENT',
    );
    expect(
      typeAt('The image resembles a Web video Ryan released in 2011 to sell his plan, a spokeswoman said.', 'in 2011'),
    ).toBe('STATEMENT');
  });
});

describe('yearOfSaying over a month named without its day', () => {
  it('types the month OTHER when the saying is elsewhere in the sentence', () => {
    expect(typeAt('The economy added 223,000 jobs in May, the Labor Department said.', 'in May')).toBe('OTHER');
    expect(
      typeAt('“Our priority remains defeating Trump in November,” the campaign said in a statement.', 'in November'),
    ).toBe('OTHER');
  });
  it('leaves a month beside the saying, or opening the clause of its verb, to the saying', () => {
    expect(typeAt('Burr came under scrutiny after ProPublica reported in March that he sold stocks.', 'in March')).toBe(
      'STATEMENT',
    );
    expect(typeAt('Later in May, Trump told Lester Holt of NBC News that he was thinking of Russia.', 'in May')).toBe(
      'STATEMENT',
    );
  });
});

describe('asOf: a day a standing count or state is told "as of"', () => {
  it('types the date OTHER', () => {
    expect(
      typeAt('At least 24 people were reported killed and 189 injured as of Wednesday afternoon.', 'Wednesday'),
    ).toBe('OTHER');
    expect(
      typeAt('As of Monday, the investigators were not looking at the issue anymore, a spokeswoman said.', 'Monday'),
    ).toBe('OTHER');
  });
  it('leaves a date without "as of" alone', () => {
    expect(typeAt('A spokeswoman said on Monday that the investigators had dropped the issue.', 'Monday')).toBe(
      'STATEMENT',
    );
  });
});
