// The modality stage on its own: one sentence per cue class, and the precedence between classes.
import { describe, expect, it } from 'vitest';
import { modalityOf, modalityWhy, type ModalityCue } from '../src/claims/modality.js';

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
    expect(m('The commander is believed to be hiding in the north.', own)).toBe('ALLEGED');
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
});
