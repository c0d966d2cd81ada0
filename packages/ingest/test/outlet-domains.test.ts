// Which domains an article's host may match an outlet under: up to its registrable domain, never a public suffix.
import { describe, expect, it } from 'vitest';
import { outletDomains } from '../src/sources/resolve.js';

describe('outletDomains', () => {
  it('walks from the host up to the registrable domain', () => {
    expect(outletDomains('a.b.cgtn.com')).toEqual(['a.b.cgtn.com', 'b.cgtn.com', 'cgtn.com']);
    expect(outletDomains('news.bbc.co.uk')).toEqual(['news.bbc.co.uk', 'bbc.co.uk']);
  });

  it('stops at private suffixes: a blog is its own site', () => {
    expect(outletDomains('victim.blogspot.com')).toEqual(['victim.blogspot.com']);
    expect(outletDomains('someone.github.io')).toEqual(['someone.github.io']);
  });

  it('gives a public suffix no domain at all', () => {
    expect(outletDomains('blogspot.com')).toEqual([]);
    expect(outletDomains('co.uk')).toEqual([]);
  });

  it('keeps an IP address as it is', () => {
    expect(outletDomains('192.0.2.7')).toEqual(['192.0.2.7']);
  });
});
