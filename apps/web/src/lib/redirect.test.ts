import { expect, test } from 'vitest';
import { safeNextPath } from './redirect';

// What a browser does with each value after `window.location.href = value` on http://127.0.0.1:3000/login.
const HOSTILE = [
  '//evil.example',
  '///evil.example',
  '/\\evil.example',
  '\\\\evil.example',
  '/\\/evil.example',
  '\\/evil.example',
  '/%5Cevil.example'.replace('%5C', '\\'),
  '/\t/evil.example',
  '/\n/evil.example',
  '/\r\n/evil.example',
  '\t//evil.example',
  ' //evil.example',
  '/.//evil.example',
  '/..//evil.example',
  'https:evil.example',
  'https:/evil.example',
  'https://evil.example/',
  'HTTP://evil.example',
  'http:\\\\evil.example',
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example@127.0.0.1',
  '/\\evil.example/%2e%2e',
  '//%65vil.example',
  '\u0000//evil.example',
];

test.each(HOSTILE)('%j never leaves the dashboard', (next) => {
  const target = safeNextPath(next);
  // Resolved by the browser against any page of the app, the target stays on the app's origin.
  for (const page of ['http://127.0.0.1:3000/login', 'https://claimgraph.example.org/login?next=x']) {
    const origin = new URL(page).origin;
    expect(new URL(target, page).origin, `${JSON.stringify(next)} → ${target}`).toBe(origin);
  }
  expect(target.startsWith('/')).toBe(true);
  expect(target.startsWith('//')).toBe(false);
  expect(target).not.toMatch(/\\/);
});

test('pages of the dashboard are kept, with their query and fragment', () => {
  expect(safeNextPath('/claims?actor=12&label=left')).toBe('/claims?actor=12&label=left');
  expect(safeNextPath('/actors/3#graph')).toBe('/actors/3#graph');
  expect(safeNextPath('/%5Cevil.example')).toBe('/%5Cevil.example'); // an escaped backslash is just a path here
  expect(safeNextPath('claims')).toBe('/claims');
  expect(safeNextPath(undefined)).toBe('/');
  expect(safeNextPath('')).toBe('/');
});
