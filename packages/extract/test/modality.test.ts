// The modality stage on its own: one sentence per cue class, and the precedence between classes.
import { describe, expect, it } from 'vitest';
import {
  beliefCharges,
  beliefIsView,
  chargesSomeone,
  modalityOf,
  modalityWhy,
  quotedOwnDenial,
  type ModalityCue,
} from '../src/claims/modality.js';
import {
  isArguedPiece,
  opinionSection,
  pieceVoice,
  weighingKinds,
  writerEvaluates,
  writerWeighs,
} from '../src/claims/voice.js';
import { extract } from '../src/index.js';

const said: ModalityCue = { verb: 'said', attributed: true, expert: false, viaOutlet: false };
const own = null;
const quoteWords = (t: string) =>
  (t.match(/["“][^"”]*["”]/g) ?? [])
    .join(' ')
    .split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
const m = (text: string, cue: ModalityCue | null = said) => modalityOf(text, cue, quoteWords(text), !cue);

describe('modalityOf', () => {
  it('reads denials without the verb "deny"', () => {
    expect(m('The ministry called the report "baseless propaganda".')).toBe('DENIED');
    expect(m('Officials said there was no evidence of a second launch.')).toBe('DENIED');
    expect(m('The spokesman insisted that they did not coordinate with the rebels.')).toBe('DENIED');
    expect(m('Her lawyer rejected the allegations on Monday.')).toBe('DENIED');
    expect(m('He said the king firmly denied any knowledge of it.')).toBe('DENIED');
  });
  it('reads words of a charge as an allegation only where they charge someone', () => {
    expect(m('The mayor said the contractor threatened the inspectors.')).toBe('ALLEGED');
    expect(m('The mayor said the contractor was responsible for the collapse.')).toBe('ALLEGED');
    expect(m('The clerk said any delay threatens to affect the count.')).toBe('REPORTED');
    expect(m('The Office of Professional Responsibility will review the case, officials said.')).toBe('REPORTED');
    expect(m('Officials said 38% of those deported had a criminal conviction.')).toBe('REPORTED');
    expect(m('Officials said illegal crossings fell in May.')).toBe('REPORTED');
  });
  it("reads a quoted label after a possessive object as the speaker's judgement", () => {
    expect(m('The reporter described Maddow’s exclusive as a “good story for Trump.”')).toBe('OPINION');
  });
  it('reads an appeal as opinion where its words are given, and an appeal told without them as reported', () => {
    expect(m('Authorities blocked roads and urged residents to stay away.', own)).toBe('REPORTED');
    expect(m('He was the only Republican to call for the impeachment.', own)).toBe('REPORTED');
    expect(m('He urged nations to "reject the cancer of violent extremism."')).toBe('OPINION');
  });
  it('reads a belief ascribed to someone as an allegation when it holds a fact, as their view when it holds a judgement', () => {
    expect(m('Turkish officials believe the journalist was killed inside the consulate.', own)).toBe('ALLEGED');
    expect(m('Investigators believe the lorry was hijacked on Monday afternoon.', own)).toBe('ALLEGED');
    expect(m('The gunman is believed to have planted two bombs.', own)).toBe('ALLEGED');
    expect(m('They believe that if elections are truly free and fair, their side will win.', own)).toBe('OPINION');
    expect(m('Donors said they believe it is incredibly important to defeat her.', own)).toBe('OPINION');
    expect(m('He was elected by people who believe Washington is too arrogant.', own)).toBe('OPINION');
    expect(beliefIsView('Officials believe the men were connected to the disappearance.')).toBe(false);
    expect(m('"I don’t believe North Korea has the capacity to strike," he said.')).not.toBe('ALLEGED');
  });
  it('reads a belief that charges no one as no allegation: a hedged report, a poll, a disowned belief', () => {
    expect(m('By then it is believed that many passengers were trapped inside.', own)).toBe('REPORTED');
    expect(m('His injuries are not believed to be life-threatening.', own)).toBe('REPORTED');
    expect(m('A woman from the town is believed to be among the dead.', own)).toBe('REPORTED');
    expect(m('She said she believed she had complied with the rules.')).toBe('REPORTED');
    expect(m('The poll found 62% believe the mayor is not trustworthy.', own)).toBe('REPORTED');
    expect(m('Officials said they did not believe the shootings were targeted at anyone.')).not.toBe('ALLEGED');
    expect(beliefCharges('Police believe the suspect was behind the attack.')).toBe(true);
    expect(beliefCharges('Eight in 10 believe the regime is behind the attack.')).toBe(false);
  });
  it("reads an intensified or rated quoted complement after the writer's copula as the speaker's judgement", () => {
    expect(m('Cruz said he\'s "very glad" to hear that pledge.')).toBe('OPINION');
    expect(m('Trump said the mayor was being "nasty."')).toBe('OPINION');
    expect(m('Kerry said he was "taken aback" by the report.')).toBe('QUOTED_STATEMENT');
    expect(m('Lam has said the bill is "dead."')).toBe('QUOTED_STATEMENT');
    expect(m('Reporters wrote that Rubio\'s "weak ground game" was angering Iowa Republicans.')).not.toBe('OPINION');
  });
  it('reads a state of mind reported with a negation as no denial', () => {
    expect(m('The senator said he isn’t sure whether it’s true.')).not.toBe('DENIED');
    expect(m('Ryan said he wasn’t interested in being speaker.')).not.toBe('DENIED');
    expect(m('But he said he hasn’t made up his mind yet about a run.')).not.toBe('DENIED');
    expect(m('The spokesman insisted that they did not coordinate with the rebels.')).toBe('DENIED');
  });
  it("reads the speaker's own quoted negation as a denial only where it denies conduct", () => {
    expect(quotedOwnDenial('"Our armed forces do not strike civilian objects," he said.')).toBe(true);
    expect(quotedOwnDenial('"We don’t know anything about that," he said.')).toBe(true);
    expect(quotedOwnDenial('"I don’t know what else to say," he said.')).toBe(false);
    expect(quotedOwnDenial('"Within an hour they gave the all clear. So I don’t know."')).toBe(false);
    expect(quotedOwnDenial('"We don’t have to choose between jobs and health," she said.')).toBe(false);
    expect(quotedOwnDenial('"We have not yet reached the finish line," he said.')).toBe(false);
    expect(quotedOwnDenial('"We are not going to stabilize Syria under Assad," he said.')).toBe(false);
    expect(quotedOwnDenial('"If we do not act now, we would be derelict in our duty."')).toBe(false);
    expect(quotedOwnDenial('He said the point is to "make sure we don’t make it a partisan issue."')).toBe(false);
  });
  it('reads no charge where the charge word charges no one (negated, generic, a name, a topic, a duty)', () => {
    expect(chargesSomeone('Those who commit sexual assault are committing a crime, he said.')).toBe(false);
    expect(chargesSomeone('She said he had not been charged with fraud.')).toBe(false);
    expect(chargesSomeone('The Bureau of Criminal Apprehension is investigating, police said.')).toBe(false);
    expect(chargesSomeone('“First and foremost is anti-corruption,” he said.')).toBe(false);
    expect(chargesSomeone('Hate crimes against Muslims have tripled, she said.')).toBe(false);
    expect(chargesSomeone('The report warned of possible criminal penalties.')).toBe(false);
    expect(chargesSomeone('“We have a responsibility to look at it,” he said.')).toBe(false);
    expect(chargesSomeone('He said officers like him are the ones getting blamed.')).toBe(false);
    expect(chargesSomeone('“They entered the country illegally,” the senator said.')).toBe(false);
    expect(chargesSomeone('He wrote a memo criticising the corruption case against the senator.')).toBe(false);
    expect(chargesSomeone('The governor, convicted of corruption charges, was released.')).toBe(false);
    expect(chargesSomeone('The move was aimed at fighting transnational criminal gangs.')).toBe(false);
    expect(chargesSomeone('"Obstruction of justice, if proven, would be impeachable," he said.')).toBe(false);
    expect(chargesSomeone('"If there was identifying information, that is a violation of the law."')).toBe(false);
    expect(chargesSomeone('A photo shows a man lying on the ground.')).toBe(false);
    expect(chargesSomeone('"Whether lying about the budget or the war, they have no decency," he said.')).toBe(true);
    expect(chargesSomeone('He said the firm has a history of laundering money.')).toBe(true);
    expect(chargesSomeone('He sought to impart responsibility to the United States.')).toBe(true);
    expect(chargesSomeone('The facts are not contested related to his use of illicit means, he said.')).toBe(true);
    expect(chargesSomeone('She said clinics cannot afford it and amount to unlawful restrictions.')).toBe(true);
    expect(chargesSomeone('He said millions of people voted illegally.')).toBe(true);
    expect(m('“There is absolutely no evidence that he was involved in any collusion.”')).toBe('DENIED');
    expect(m('He said the allegations of fraud are 100 percent false.')).toBe('DENIED');
    expect(m('He said he was “not guilty of sexual misconduct with anyone.”')).toBe('DENIED');
  });
  it('reads "propaganda" or "fake news" as a denial only as a verdict, and turning down a plan or a service as none', () => {
    expect(m('A spokesman said the report was "propaganda".')).toBe('DENIED');
    expect(m('The ministry dismissed the account as pure propaganda.')).toBe('DENIED');
    expect(m('The agency studied Russian propaganda efforts during the campaign.', own)).toBe('REPORTED');
    expect(m('Few readers can tell fake news from satire, the survey found.')).not.toBe('DENIED');
    expect(m('The council rejected the plan to close the depot, officials said.')).not.toBe('DENIED');
    expect(m('The judge dismissed the lawsuit on Tuesday.')).not.toBe('DENIED');
    expect(m('Insurers can no longer deny people coverage, the official said.')).not.toBe('DENIED');
    expect(m('The minister rejected the claims as baseless.')).toBe('DENIED');
  });
  it('reads an apology, or owning up that a claim was false, as an admission rather than a denial', () => {
    expect(m('"We deeply apologize to the families for the harm this caused," the company said.')).toBe('ADMITTED');
    expect(m('The firm issued an apology to its customers.')).toBe('ADMITTED');
    expect(m('"We are truly sorry for what happened," the statement said.')).toBe('ADMITTED');
    expect(m('The club said the player has acknowledged that his account of the fight was false.')).toBe('ADMITTED');
    expect(m('The minister said the report was false.')).toBe('DENIED');
  });
  it('reads the writer\'s own "should" as opinion, but not one in an embedded question or a plan\'s "must"', () => {
    expect(m('The council should publish the full report before the vote.', own)).toBe('OPINION');
    expect(m('Voters ought to be told what the plan costs.', own)).toBe('OPINION');
    expect(m('Some of the officers wondered whether they should call off the raid.', own)).toBe('REPORTED');
    expect(m('Under the schedule, the train must leave the station at noon.', own)).toBe('REPORTED');
  });
  it('reads an admission reported inside the content as one, but not a refusal to admit', () => {
    expect(m('The mayor said his deputy has acknowledged that the permits were issued without checks.')).toBe(
      'ADMITTED',
    );
    expect(m('The mayor said his deputy had admitted to signing the permits.')).toBe('ADMITTED');
    expect(m('The mayor said his deputy has refused to acknowledge that the permits were flawed.')).not.toBe(
      'ADMITTED',
    );
  });
  it('does not read a passive refusal as a denial', () => {
    expect(m('Twenty applicants were initially denied clearances.', own)).not.toBe('DENIED');
  });
  it('does not read denying someone something as a denial', () => {
    expect(m('The new rules deny superdelegates a vote in the first ballot.', own)).not.toBe('DENIED');
    expect(m('The senator pressed to deny Mr. Obama the opening to make an appointment.', own)).not.toBe('DENIED');
    expect(m('The ministry denied Monday any involvement in the strike.', own)).toBe('DENIED');
    expect(m('The ministry denied reports the ship had been seized.', own)).toBe('DENIED');
  });
  it('reads confirmations and claims of responsibility', () => {
    expect(m('The ambassador confirmed the death of the attache.')).toBe('CONFIRMED');
    expect(m('The group claimed responsibility for the bombing.', own)).toBe('CONFIRMED');
    expect(m('It has also claimed a 2010 bombing of an oil tanker.', own)).toBe('CONFIRMED');
    expect(m('The army said its forces had fired two missiles at the depot.')).toBe('CONFIRMED');
    expect(m('The claim could not be confirmed independently.', own)).not.toBe('CONFIRMED');
  });
  it('reads distancing and third-party beliefs as allegations', () => {
    expect(m('The minister allegedly asked for the charges to be dropped.', own)).toBe('ALLEGED');
    expect(m('Investigators believe the two men were connected to the plot.', own)).toBe('ALLEGED');
    expect(m('The commander is believed to have ordered the attack.', own)).toBe('ALLEGED');
    expect(m('Rebels claimed the town had fallen.', { ...said, verb: 'claimed' })).toBe('ALLEGED');
  });
  it("reads a source's charge of wrongdoing against someone as an allegation", () => {
    expect(m('"You worked for a company that was fixing bread prices," the board member said.')).toBe('ALLEGED');
    expect(m('The senator said the agency had covered up the abuse of its own rules by officials.')).toBe('ALLEGED');
    expect(m('The company was fined for price fixing in 2015.', own)).toBe('REPORTED');
  });
  it('names the sieve that decided', () => {
    expect(modalityWhy('Her lawyer rejected the allegations on Monday.', said, 0, false)).toEqual(['DENIED', 'denial']);
    expect(modalityWhy('The ship docked at the port on Monday.', own, 0, true)).toEqual(['REPORTED', 'default']);
  });
  it('reads judgments, hedges and appeals as opinion', () => {
    expect(m('That is a stunning reversal for the government.', own)).toBe('OPINION');
    expect(m('The attack was apparently a response to the arrests.', own)).toBe('OPINION');
    expect(m('He urged nations to "reject the cancer of violent extremism".')).toBe('OPINION');
    expect(m('She condemned it as a "cruel and cowardly" act.')).toBe('OPINION');
    expect(m('"I think he understands that very well," the president said.')).toBe('OPINION');
  });
  it("reads a quoted prediction about others as opinion, a pledge about the speaker's own acts as a statement", () => {
    expect(m('"Those hearings will be an opportunity for the public," Schiff said.')).toBe('OPINION');
    expect(m('"We will continue our operations until the siege ends," the spokesman said.')).toBe('QUOTED_STATEMENT');
  });
  it('keeps factual quotations and neutral relays apart', () => {
    expect(m('"We fired five drones at the terminal," the spokesman said.')).toBe('QUOTED_STATEMENT');
    expect(
      m('The strike killed three people, the agency reported.', {
        ...said,
        verb: 'reported',
        attributed: false,
        viaOutlet: true,
      }),
    ).toBe('REPORTED');
    expect(m('The documents describe "two current senior officials" on the list.', own)).toBe('QUOTED_STATEMENT');
    expect(m('The ship docked at the port on Monday.', own)).toBe('REPORTED');
  });
  it('reads a denial only where one is made, not where one is described or a state is negated', () => {
    expect(m('"We will get to the bottom of it, but his was a flat denial," the president said.')).not.toBe('DENIED');
    expect(m('The king\'s denial "was very strong," the president said.')).not.toBe('DENIED');
    expect(m('The president said the king offered him a "flat denial" on Monday.')).toBe('DENIED');
    expect(m('His sister says she did not see him leave the building.')).toBe('REPORTED');
    expect(m('"I don\'t want to get into his mind," he said.')).not.toBe('DENIED');
    expect(m('"We don\'t know anything about that," the spokesman said.')).toBe('DENIED');
  });
  it("reads an act announced with its day as the source's own confirmation", () => {
    expect(m('The rebels said on Tuesday they had fired five drones at the terminal.')).toBe('CONFIRMED');
  });
  it('reads a label or judgment as opinion even when it names an accusation', () => {
    expect(m('The president welcomed the raid, calling it "a major blow to the terrorists."')).toBe('OPINION');
    expect(m('The mayor said the blasts were "a cowardly terrorist attack".')).toBe('OPINION');
  });
  it("reads pledges about the speaker's own conduct as declarative", () => {
    expect(m('"Our operations will continue until the aggression ends," the spokesman said.')).toBe('QUOTED_STATEMENT');
    expect(m('France insisted it would not back down.', { ...said, verb: 'insisted' })).toBe('REPORTED');
    expect(m('The president told his counterpart that "all those involved will be brought to justice."')).toBe(
      'QUOTED_STATEMENT',
    );
  });
  it('reads quoted obligations, suggestions and superlative verdicts as opinion', () => {
    expect(m('"The other side should stop its provocations," the spokeswoman said.')).toBe('OPINION');
    expect(m('He suggested that "rogue killers" could be behind it.', { ...said, verb: 'suggested' })).toBe('OPINION');
    expect(m('Her testimony is among the most significant in the inquiry.', own)).toBe('OPINION');
  });
  it('reads a belief held by others as an allegation across a long subject', () => {
    expect(
      m('Police believe two men who arrived in the city on the night of the fire were connected to it.', own),
    ).toBe('ALLEGED');
  });
  it("keeps descriptions, formal charges and outlets' quoted words out of the hedge and allegation classes", () => {
    expect(m('The video ends on what appears to be a burned-out car.', own)).toBe('REPORTED');
    expect(m('Prosecutors charged the bank with fraud and money laundering.', { ...said, verb: 'charged' })).toBe(
      'REPORTED',
    );
    expect(m('Critics charged that the bank had hidden its losses.', { ...said, verb: 'charged' })).toBe('ALLEGED');
    expect(
      m('The perpetrators were sending a "clear message," the station reports.', {
        verb: 'reports',
        attributed: false,
        expert: false,
        viaOutlet: true,
      }),
    ).toBe('QUOTED_STATEMENT');
  });
  it('applies the precedence: a denial beats an opinion word in the same sentence', () => {
    expect(m('He called the allegations "absurd and baseless".')).toBe('DENIED');
  });
  it("reads a speaker's quoted judgement as opinion, a quoted statement of fact or intent as a quoted statement", () => {
    expect(m('"The new plan is a far riskier bet," the senator said.')).toBe('OPINION');
    expect(m('"The turnout was very disappointing," the organiser said.')).toBe('OPINION');
    expect(m('"The aim of the closures is to punish the strikers," the union leader said.')).toBe('OPINION');
    expect(m('"I admire the nurses enormously," the minister said.')).toBe('OPINION');
    expect(m('"The depot was closed at noon," the spokeswoman said.')).toBe('QUOTED_STATEMENT');
    expect(m('"There were more than 40 people inside," the spokeswoman said.')).toBe('QUOTED_STATEMENT');
  });
  it('reads a rated word put on the subject in quoted words as opinion, a word of state or fact as a statement', () => {
    expect(m('"The new timetable is wrong and dangerous," the driver said.')).toBe('OPINION');
    expect(m('"Frankly, the ward is a mess," the nurse said.')).toBe('OPINION');
    expect(m('"The results are unambiguously good," the headteacher said.')).toBe('OPINION');
    expect(m('"Everything is fine at the depot," the driver said.')).toBe('QUOTED_STATEMENT');
    expect(m('"The depot is closed until Monday," the driver said.')).toBe('QUOTED_STATEMENT');
  });
  it('reads a quoted falsity verdict, "never happened" and "no truth to" as denials, but not refusing a request', () => {
    expect(m('The landlord said the complaints were "completely false."')).toBe('DENIED');
    expect(m('"That is a lie," the landlord said.')).toBe('DENIED');
    expect(m('"The meeting never happened," the landlord said.')).toBe('DENIED');
    expect(m('The landlord said there was no truth to the complaints.')).toBe('DENIED');
    expect(m('The landlord pushed back on the claims at the hearing.')).toBe('DENIED');
    expect(m('The court denied bail to the landlord.', own)).toBe('REPORTED');
    expect(m('Guards denied him entry to the hearing.', { ...said, verb: 'denied' })).toBe('REPORTED');
    expect(m('The council denied the request for a second permit.', own)).toBe('REPORTED');
  });
  it('reads allegations named as a topic, and charge words that only classify a noun, as reported', () => {
    expect(m('The inquiry into allegations of bid rigging opened on Monday.', own)).toBe('REPORTED');
    expect(m('"The port is a route for illegal drugs," the mayor said.')).toBe('QUOTED_STATEMENT');
    expect(m('Prosecutors filed criminal charges against three dock workers, the mayor said.')).toBe('REPORTED');
    expect(m('The mayor said the port operator had acted illegally.')).toBe('ALLEGED');
  });
  it('reads a quoted "have to" or "needs to" as an appeal, a narrated one as a statement', () => {
    expect(m('"We have to fix the buses before winter," the councillor said.')).toBe('OPINION');
    expect(m('"The depot needs to reopen," the councillor said.')).toBe('OPINION');
    expect(m('"We closed the depot at noon," the councillor said.')).toBe('QUOTED_STATEMENT');
  });
  it('reads "supposedly", "ostensibly", "purported" and an implied charge as distancing', () => {
    expect(m('A driver who supposedly saw the crash came forward on Monday.', own)).toBe('ALLEGED');
    expect(m('The fund was ostensibly set up to help tenants.', own)).toBe('ALLEGED');
    expect(m('The purported memo was shared online.', own)).toBe('ALLEGED');
    expect(m('The host had implied the drivers were paid to lie.', own)).toBe('ALLEGED');
    expect(m('The so-called core inflation rate rose in May.', own)).toBe('REPORTED');
  });
  it('does not read the month of May as a hedge', () => {
    expect(m('The clinic reopened in May after the repairs.', own)).toBe('REPORTED');
    expect(m('The clinic said it reopened on May 3.')).toBe('REPORTED');
    expect(m('The clinic may reopen after the repairs.', own)).toBe('OPINION');
  });
  it("reads the writer's forecast on a condition as opinion, not the law's consequence of a verdict", () => {
    expect(m('If the talks fail, the strike will spread to the ports.', own)).toBe('OPINION');
    expect(m('If so, it would end the strike.', own)).toBe('OPINION');
    expect(m('If convicted, the driver will face up to five years in prison.', own)).toBe('REPORTED');
    expect(m('The strike will end on Friday, the union said.', own)).toBe('REPORTED');
  });
  it("reads a speaker's rated feeling in their quoted words as opinion", () => {
    expect(m('"I am deeply disappointed by the vote," the councillor said.')).toBe('OPINION');
    expect(m('"I am at the depot until noon," the councillor said.')).toBe('QUOTED_STATEMENT');
  });
  it('reads a long quotation without a found speaker as a quoted statement, a few scattered quoted words as not one', () => {
    expect(m('The memo listed the depot as "closed," "under review" and "due for repairs."', own)).toBe('REPORTED');
    expect(m('The memo ends: "The depot will close on Friday for repairs."', own)).toBe('QUOTED_STATEMENT');
  });
  it('reads taking responsibility for a mistake as an admission, claiming responsibility for an attack as a confirmation', () => {
    expect(m('"I take full responsibility for the mistakes in the timetable," the director said.')).toBe('ADMITTED');
    expect(m('The director said the group took responsibility for the blast.')).toBe('CONFIRMED');
  });
  it("reads a transcript's spoken turn as the speaker's quoted words", () => {
    const turn = 'But it was a very substantial win for the union.';
    const words = turn.split(/\s+/).length;
    expect(modalityOf(turn, { ...said, verb: null }, words, false)).toBe('OPINION');
    expect(modalityOf('The strike ended on the third day.', { ...said, verb: null }, 7, false)).toBe(
      'QUOTED_STATEMENT',
    );
  });
  it('reads "seems to be" as a hedge, "seemed to know" or "appear to have" as an account of someone', () => {
    expect(m('The new rules seem to be a step back for tenants.', own)).toBe('OPINION');
    expect(m('The bridge appears to be at risk of closing.', own)).toBe('OPINION');
    expect(m('It seems to me the vote was rushed.', own)).toBe('OPINION');
    expect(m('The only minister who seemed to know about the deal was the treasurer.', own)).toBe('REPORTED');
    expect(m('At least two of the bidders appear to have ties to the council.', own)).toBe('REPORTED');
  });
  it("reads a speaker's account of cause or of the only way out as opinion, also in the writer's words", () => {
    expect(m('The mayor said the closures were a direct result of the "reckless cuts" of the council.')).toBe(
      'OPINION',
    );
    expect(m('She said the only answer to the shortage is a "local" one.')).toBe('OPINION');
    expect(m('The mayor said the closures were a direct result of the budget cuts.')).toBe('OPINION');
    expect(m('The mayor said the closures began on Monday after the "budget cuts".')).toBe('QUOTED_STATEMENT');
  });
  it("keeps a modal inside someone's finding or fear out of the writer's own hedges", () => {
    expect(m('The audit found that closing the depot could save two million a year.', own)).toBe('REPORTED');
    expect(m('She raised concerns that the contract may breach the rules.', own)).toBe('REPORTED');
    expect(m('Closing the depot could save two million a year.', own)).toBe('OPINION');
  });
  it('reads a charge the source says there was none of, or calls false, as a denial', () => {
    expect(m('"There was no fraud or bribery by anyone," the company said.')).toBe('DENIED');
    expect(m('"This is a completely false allegation," his statement said.')).toBe('DENIED');
    expect(m('The lawyer said the paper based its false accusations on one witness.')).toBe('DENIED');
    expect(m('"There was fraud on a massive scale," the auditor said.')).toBe('ALLEGED');
  });
  it('reads a charge of coercion made by a source as an allegation, but not an ongoing danger', () => {
    expect(m('The contractor said the inspector had threatened him with a fine unless he paid.')).toBe('ALLEGED');
    expect(m('The tenants said they were intimidated by the agents of the landlord.')).toBe('ALLEGED');
    expect(m('Officials said the floods are threatening three villages.')).toBe('REPORTED');
  });
  it('reads a charge made against others, and a claim made "by claiming", as allegations', () => {
    expect(m('The ministry accused foreign agents of stirring up the protests.', own)).toBe('ALLEGED');
    expect(m('The mayor opened his campaign by claiming the council had wasted millions.', own)).toBe('ALLEGED');
  });
});

// An argued piece (a column, an analysis): the writer's own weighing sentences are opinion; the same sentence in a
// news report, or a dated account of what happened, stays reported.
const column = [
  "There's something odd about the council's budget: it hasn't been doing much, er, budgeting.",
  "The mayor's plan is just a wish list, and it isn't even a good one.",
  "Yet it's hardly surprising. The council has simply never had to choose, and it won't start now.",
  "That's a shame, because the city can't keep borrowing. It really is that simple.",
  "Of course, the mayor would say the plan is a start. It isn't; it's a delay dressed up as a decision.",
  "Even his allies are quietly wondering whether he's serious, and they're right to wonder.",
  "Nobody really believes the numbers add up, and the mayor's own officials are too polite to say so.",
  "So here's the truth: the budget doesn't fix the roads, doesn't fund the schools, and won't survive the winter.",
  'The plan was published on Tuesday.',
].join(' ');
const report = [
  'The city council approved a budget of 40 million on Tuesday after a three-hour debate.',
  'The plan raises spending on roads by 5 percent and cuts the parks budget by 2 million.',
  'The mayor said the plan would balance the books within two years.',
  'Opposition members voted against it, saying it relied on optimistic forecasts of tax revenue.',
  'A final vote on the transport levy is expected next month, officials said.',
  'The council also named a new auditor, who will start work in January.',
].join(' ');

describe("the writer's voice", () => {
  const ownWhy = (text: string, argued: boolean) => modalityWhy(text, null, 0, true, argued)[0];
  it('tells an argued piece from a news report', () => {
    expect(isArguedPiece(column)).toBe(true);
    expect(isArguedPiece(report)).toBe(false);
  });
  it("reads the writer's own weighing sentence as opinion only in an argued piece", () => {
    const s = 'Building the new depot would do very little to cut the waiting lists.';
    expect(ownWhy(s, true)).toBe('OPINION');
    expect(ownWhy(s, false)).toBe('REPORTED');
    expect(ownWhy('A deadly storm hit the coast, destroying the harbour wall.', true)).toBe('REPORTED');
    expect(ownWhy('In the northern district, the mayor won by 12 points.', true)).toBe('REPORTED');
    expect(ownWhy('The council has simply never had to choose.', true)).toBe('OPINION');
  });
  it("reads a weighing sentence with a word or two in scare quotes as the writer's, a longer quotation as a quotation", () => {
    const q = (text: string) => modalityWhy(text, null, quoteWords(text), true, true)[0];
    expect(q('The claim that the levy is "theft" is simply wrong.')).toBe('OPINION');
    expect(q('The new "reform" will hurt renters.')).toBe('OPINION');
    expect(q('The levy was "a tax on working families and a gift to landlords."')).toBe('QUOTED_STATEMENT');
  });
  it('keeps a dated account of what happened a report even in an argued piece', () => {
    expect(writerEvaluates('The plan was very quickly published on Tuesday.')).toBe(false);
    expect(writerEvaluates('Organising like this helped the party win in 2008.')).toBe(false);
    expect(writerEvaluates("Yet it's an ineffective plan.")).toBe(true);
  });
});

// A piece that leans to argument (a writer's voice at 15-25 markers per 1,000 words: an analysis, a feature): only the
// writer's sentence that weighs in three ways at once, a rated word among them with a stance adverb, a comparison or a
// contrast, is the writer's view; one or two kinds are the news voice too.
describe('disputing a claim (issue 14)', () => {
  it('reads disputing a claim, a report or an account as a denial', () => {
    expect(m('The ministry disputes the claim that it ignored the warnings.', own)).toBe('DENIED');
    expect(m('Firefighters at the scene disputed that account, saying a tank had exploded.', own)).toBe('DENIED');
    expect(m('The council disputes that its tender was flawed.', own)).toBe('DENIED');
    expect(m('He cited reports of delays, which the contractor disputes.', own)).toBe('DENIED');
  });
  it('reads a dispute as a quarrel, and not disputing, as no denial', () => {
    expect(m('The two firms are locked in a contract dispute over the tender.', own)).toBe('REPORTED');
    expect(m('The army patrols the disputed islands.', own)).toBe('REPORTED');
    expect(m('Police do not dispute the fact that he was unarmed.', own)).toBe('REPORTED');
    expect(m('The figure, which was not disputed by the ministry, was 40 percent.', own)).toBe('REPORTED');
    expect(m('Most are family disputes that end in court.', own)).toBe('REPORTED');
  });
});

describe('a piece that leans to argument (issue 14)', () => {
  const leaningWhy = (text: string, leaning = true) => modalityWhy(text, null, 0, true, false, leaning)[0];
  it('tells a leaning piece from an argued one and from news', () => {
    expect(pieceVoice(column)).toBe('argued');
    expect(pieceVoice(report)).toBe('news');
    const leaning = [report, report, "The mayor's plan isn't new. It really is the old plan, and it's late."].join(' ');
    expect(pieceVoice(leaning)).toBe('leaning');
  });
  it("reads the writer's sentence that weighs in several ways as opinion in a leaning piece", () => {
    const s = 'Grass-roots efforts are much more easily stifled by complex and punishing laws.';
    expect(weighingKinds(s)).toEqual(['rated', 'comparison', 'present']);
    expect(leaningWhy(s)).toBe('OPINION');
    expect(leaningWhy(s, false)).toBe('REPORTED');
    expect(leaningWhy("But the council's secular argument is no better than its religious one.")).toBe('OPINION');
    expect(weighingKinds('The levy is not a reform but a tax on hope.')).toEqual(['rated', 'present', 'contrast']);
    expect(leaningWhy('The levy is not a reform but a tax on hope.')).toBe('OPINION');
  });
  it('keeps a sentence with fewer kinds, no rated word, a number or a date a report', () => {
    // Two kinds: a rated word and a modal (a plan told).
    expect(writerWeighs('Supporters will pinpoint which doors to knock on.')).toBe(false);
    // Three kinds but no rated word (a stance adverb, a comparison, the present).
    expect(writerWeighs('Where land is even scarcer, builders have the capacity to erect towers.')).toBe(false);
    // Three kinds, the rated word with only a modal and the present beside it (a relayed worry).
    expect(writerWeighs('Some Democrats are concerned that the moderate will struggle to win.')).toBe(false);
    expect(writerWeighs('The plan is much better than the bill it replaced in 2019.')).toBe(false);
    expect(writerWeighs('The plan is much better than the bill it replaced on Tuesday.')).toBe(false);
    expect(writerWeighs('The plan is much better than the bill it replaced.')).toBe(true);
  });
});

describe('opinion signals on outlets nobody tuned on (issue 14)', () => {
  const ownM = (text: string) => modalityOf(text, null, quoteWords(text), true);
  it('reads an article filed under an opinion section as argued, whatever its register', () => {
    expect(opinionSection('https://www.example.com/opinion/2020/06/20/the-budget/')).toBe(true);
    expect(opinionSection('https://example.org/news/columnists/jane-doe/roads')).toBe(true);
    expect(opinionSection('https://www.example.com/news/2014/aug/1/editorial-the-levy/')).toBe(true);
    expect(opinionSection('https://www.example.com/news/2014/aug/1/council-passes-levy/')).toBe(false);
    expect(opinionSection('https://www.example.com/politics/opinion-poll-shows-lead')).toBe(false);
    expect(opinionSection(undefined)).toBe(false);
    const text = [
      'The Budget We Deserve',
      '',
      'The council approved a budget of 40 million on Tuesday after a three-hour debate.',
      'The plan raises spending on roads by 5 percent and cuts the parks budget by 2 million.',
      'Kindness is rooted in how a city treats its weakest residents.',
      'The parks were the one place where the city got that right.',
    ].join('\n\n');
    const modalityOfSentence = (url: string | undefined, start: string) => {
      const r = extract({ text, outlet: 'Example Times', ...(url ? { url } : {}) });
      return r.claims.find((c) => r.body.slice(c.evidence.start, c.evidence.end).startsWith(start))?.modality;
    };
    expect(modalityOfSentence('https://www.example.com/opinion/the-budget', 'Kindness')).toBe('OPINION');
    expect(modalityOfSentence('https://www.example.com/news/the-budget', 'Kindness')).toBe('REPORTED');
    expect(modalityOfSentence(undefined, 'Kindness')).toBe('REPORTED');
  });
  it("reads the writer's or speaker's own stance verbs and hedges as opinion", () => {
    expect(ownM('I wonder how many of these new advisers will stay a year.')).toBe('OPINION');
    expect(ownM("I'm not sure the numbers add up.")).toBe('OPINION');
    expect(ownM('I suspect the council will blink first.')).toBe('OPINION');
    expect(ownM('The term ends in January, when presumably he will have more time for the beach.')).toBe('OPINION');
    expect(ownM('The president used the address to urge other nations to join the coalition.')).toBe('OPINION');
    expect(ownM('I spoke to the mayor on Tuesday.')).toBe('REPORTED');
    expect(m('He said he doesn’t doubt that the figures are right.')).not.toBe('DENIED');
  });
  it('reads a quotation the speaker marks as their view as opinion, a plain one as a statement', () => {
    expect(m('"To be honest, we inherited this deficit," the mayor said.')).toBe('OPINION');
    expect(m('"The problem with the levy is that renters end up paying it," she said.')).toBe('OPINION');
    expect(m('"Housing to me is a right, not a reward," he said.')).toBe('OPINION');
    expect(m('"We inherited this deficit from the last council," the mayor said.')).toBe('QUOTED_STATEMENT');
    expect(m('"It’s hard to know what he stands for," the pollster said.')).toBe('OPINION');
    expect(m('"The vote is key," she said.')).toBe('OPINION');
    expect(m('"The vote is on Tuesday," she said.')).toBe('QUOTED_STATEMENT');
  });
  it('reads a quoted stance negated, with an auxiliary or offered as a guess or a liking as opinion', () => {
    expect(m('"I don’t think the council has the votes," the mayor said.')).toBe('OPINION');
    expect(m('"I still believe there is a long way to go here," he said.')).toBe('OPINION');
    expect(m('"I would say most of the new permits went to landlords," she said.')).toBe('OPINION');
    expect(m('"My bet is that the levy passes in the spring," he said.')).toBe('OPINION');
    expect(m('"I like acting officials," the governor told reporters.')).toBe('OPINION');
    // A habit, an expectation told as past, a narrated exchange: no view.
    expect(m('"I like to read the minutes before every meeting," she said.')).toBe('QUOTED_STATEMENT');
    expect(m('"We did not expect the outage that followed," the mayor said.')).toBe('QUOTED_STATEMENT');
    expect(m('"Every morning I’d say, ‘Good morning,’ to the guards," she said.')).toBe('QUOTED_STATEMENT');
  });
  it('reads an evaluation or an appeal in a quotation as opinion even when its speaker was not found', () => {
    expect(ownM('What is more, as the economist puts it, "the levy is far more complicated than it looks."')).toBe(
      'OPINION',
    );
    expect(ownM('In the speech: "We must recognize that the threat has changed since the flood."')).toBe('OPINION');
    expect(ownM('As the report puts it, "the levy is collected in two parts each year."')).toBe('QUOTED_STATEMENT');
  });
  it("reads the writer's own question as an argument, a question in a quotation as the speaker's", () => {
    expect(ownM('Why do only tax cuts come with an expiration date?')).toBe('OPINION');
    expect(ownM('If the rules are never enforced, what is the point of having them?')).toBe('OPINION');
    expect(ownM('The council will vote on the levy on Tuesday.')).toBe('REPORTED');
    expect(m('"Where did the money for the depot go?" the mayor asked.')).toBe('QUOTED_STATEMENT');
  });
  it("reads a forecast relayed in the source's name as opinion, a look back or a poll's comparison as a report", () => {
    expect(m('The mayor said he expects the council to approve the levy within weeks.')).toBe('OPINION');
    expect(m('Aides said the depot was likely to open late.')).toBe('OPINION');
    expect(m('Economists predicted a slower year for the port.')).toBe('OPINION');
    expect(m('The mayor said the levy passed, as expected, on Tuesday.')).toBe('REPORTED');
    expect(m('Residents said they are more likely to vote for the levy now.')).toBe('REPORTED');
  });
  it("reads an intensified description in quoted words as the speaker's judgement", () => {
    expect(m('"We had a very, very big turnout," the mayor said.')).toBe('OPINION');
    expect(m('"This is a hugely political play," the clerk said.')).toBe('OPINION');
    expect(m('"We had a big turnout on Tuesday," the mayor said.')).toBe('QUOTED_STATEMENT');
  });
  it("reads the writer's 'likely' as a hedge, a poll's 'more likely to' as a report", () => {
    expect(ownM('The levy is likely to pass next week.')).toBe('OPINION');
    expect(ownM('The vote makes it more likely that the levy will pass.')).toBe('OPINION');
    expect(ownM('Renters were far less likely to back the levy than owners.')).toBe('REPORTED');
    expect(ownM('Women were more likely than men to back the levy.')).toBe('REPORTED');
  });
  it("reads the writer's frames of news analysis as opinion, a speaker's emphasis or a schedule as a report", () => {
    expect(ownM('The tone of the hearing underscored the weak position the council is in.')).toBe('OPINION');
    expect(ownM('The ruling sets the stage for another fight over the levy.')).toBe('OPINION');
    expect(ownM('The depot plan looked set to divide the council again.')).toBe('OPINION');
    expect(ownM('The dispute over the levy is far from over.')).toBe('OPINION');
    expect(ownM('Whether the depot opens on time remains to be seen.')).toBe('OPINION');
    expect(ownM('The vote was a clear sign that the mayor has lost the council.')).toBe('OPINION');
    expect(ownM('But he underscored that the depot would open in May.')).toBe('REPORTED');
    expect(ownM('The council is set to vote on the levy on Tuesday.')).toBe('REPORTED');
  });
  it('reads a sentence opened by a concession as the writer weighing what it grants', () => {
    expect(ownM('Sure, the mayor made a few missteps.')).toBe('OPINION');
    expect(ownM('Of course, the depot was never going to open on time.')).toBe('OPINION');
    expect(ownM('The mayor made two visits to the depot.')).toBe('REPORTED');
    expect(ownM('The sure-footed mayor made two visits to the depot.')).toBe('REPORTED');
  });
  it('reads rejecting an argument or an assertion as a denial', () => {
    expect(m('But Virginia and 21 other states reject that argument.')).toBe('DENIED');
    expect(m('The ministry rejected the characterization of the talks as a failure.')).toBe('DENIED');
  });
  it('reads "confirmed" as a confirmation only where someone confirms', () => {
    expect(ownM('The state has some 1,000 confirmed cases of the virus.')).toBe('REPORTED');
    expect(m('"If confirmed, I will apply every rule on recusal," the nominee said.')).toBe('QUOTED_STATEMENT');
    expect(m('The ministry confirmed the death of a second soldier.')).toBe('CONFIRMED');
  });
  it('reads a quotation that opens with a bare verb as advice, not a quoted fragment that starts with "don\'t"', () => {
    expect(m('"Stay home and keep your children inside," the governor said.')).toBe('OPINION');
    expect(m('He said the new rules "don’t have to do with the budget at all."')).toBe('QUOTED_STATEMENT');
  });
  it('reads refusing to confirm or deny as no denial and no confirmation', () => {
    expect(m('A spokesman said he could "neither confirm nor deny" the indictment.')).toBe('QUOTED_STATEMENT');
    expect(m('The department "does not confirm or deny investigations," a spokesman said.')).toBe('QUOTED_STATEMENT');
    expect(m('"We don\'t confirm or deny matters of intelligence," a spokeswoman said.')).toBe('QUOTED_STATEMENT');
    expect(m('Israel has not confirmed or denied that its forces were involved in the raid.', own)).toBe('REPORTED');
    expect(m('The ministry denied that its forces were involved in the raid.')).toBe('DENIED');
  });
  it('reads a negated denial as no denial: not denying something denies nothing', () => {
    expect(m('Tillerson never denied using the word.', own)).toBe('REPORTED');
    expect(m('A spokeswoman for Gates did not deny that he met with Epstein.', own)).toBe('REPORTED');
    expect(m('While not directly denying the charge, the campaign said it relied on party data.', own)).toBe(
      'REPORTED',
    );
    expect(m("He doesn't want to talk about this, but he doesn't deny it.", own)).toBe('REPORTED');
    expect(m('The White House flatly denied the report on Monday.', own)).toBe('DENIED');
  });
  it("reads the writer's own verdict, a rated word as what something is, as opinion, a state or a measure as a report", () => {
    const expected: [string, string][] = [
      ['The senator was wrong.', 'OPINION'],
      ['The inquiry is incoherent, and the timing is key.', 'OPINION'],
      ['Testing was entirely inadequate.', 'OPINION'],
      ['Back home, she remained angry.', 'REPORTED'],
      ['Other elements of the law are popular.', 'REPORTED'],
      ['Opposition among Republicans remains strong.', 'REPORTED'],
      ['The video repeats the claim that masks are harmful.', 'REPORTED'],
      ['The plan was wrong on 12 counts.', 'REPORTED'],
    ];
    for (const [text, modality] of expected) expect(m(text, own), text).toBe(modality);
  });
  it('reads something said to be too much of what it is as a judgement, a quantity, a poll or an open question as a report', () => {
    expect(m('Critics said the rules were too lenient.')).toBe('OPINION');
    expect(m('The package was simply too small, the senator said.')).toBe('OPINION');
    expect(m('The new guidelines are too vague for most employers.', own)).toBe('OPINION');
    expect(m('The officials said the vote came too late.')).toBe('REPORTED');
    expect(m('The court said the plaintiffs were too young to vote.')).toBe('REPORTED');
    expect(m('In the survey, 43 percent of voters said the tax is too high.', own)).toBe('REPORTED');
    expect(m('Reporters asked whether the response was too slow.', own)).toBe('REPORTED');
    expect(m('The poll counted those who said the rules were too strict.', own)).toBe('REPORTED');
  });
  it('reads a judgement put before what it judges ("it is important to") as opinion, a fact\'s status or an open question as a report', () => {
    expect(m('The governor said it would be important for the state to act before the deadline.')).toBe('OPINION');
    expect(m('It is hard to argue with that calculation.', own)).toBe('OPINION');
    expect(m("It's not clear that the White House would accept such a bargain.", own)).toBe('OPINION');
    expect(m('It is illegal for members of the board to accept gifts.', own)).toBe('REPORTED');
    expect(m('It is unclear whether the mayor will attend the meeting.', own)).toBe('REPORTED');
    expect(m('In the survey, 39 percent said it is important for Congress to act.', own)).toBe('REPORTED');
  });
  it('reads the writer vouching for what they say ("certainly", "of course", "no doubt") as opinion, a verb\'s "to be sure" as a report', () => {
    expect(m('The remarks also no doubt put the governor on the map.', own)).toBe('OPINION');
    expect(m('The answer, of course, is a decided no.', own)).toBe('OPINION');
    expect(m('The networks were certainly not helped by the delay.', own)).toBe('OPINION');
    expect(m('The council will face lots of questions, to be sure.', own)).toBe('OPINION');
    expect(m('The agency wanted to be sure the data were complete.', own)).toBe('REPORTED');
    expect(m('As a matter of course, the department reviews every referral.', own)).toBe('REPORTED');
  });
  it('reads the writer framing what follows as the truth or the trouble of the matter as opinion, a problem told as a thing as a report', () => {
    expect(m('The reality is that the party faces an uphill battle this fall.', own)).toBe('OPINION');
    expect(m('The trouble is, the rules favour incumbents.', own)).toBe('OPINION');
    expect(m('But make no mistake, the senator is a real contender.', own)).toBe('OPINION');
    expect(m('Compounding the problem is the expected rise in interest rates.', own)).toBe('REPORTED');
  });
  it("reads a source's verdict told in the writer's words as the source's judgement, a told fact as a report", () => {
    expect(m('Critics said the restrictions were unnecessarily punitive.')).toBe('OPINION');
    expect(m('The senator said the idea of arming teachers was wrong.')).toBe('OPINION');
    expect(m('The senator said the effort to win support was unsuccessful.')).toBe('REPORTED');
    expect(m('The senator said the bill that passed was popular.')).toBe('REPORTED');
  });
});
