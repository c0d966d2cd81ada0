import { describe, expect, it } from 'vitest';
import {
  ACTIONS,
  assertCan,
  can,
  ForbiddenError,
  lowerRole,
  MIN_ROLE,
  ROLES,
  UnauthenticatedError,
  type Action,
  type Viewer,
} from '../src/index.js';

// The matrix written out by hand, independently of MIN_ROLE: a change to either must be deliberate.
const EXPECTED: Record<(typeof ROLES)[number], Action[]> = {
  VIEWER: ['workspace:read', 'claim:read', 'export:read', 'token:own'],
  EDITOR: [
    'workspace:read',
    'claim:read',
    'export:read',
    'token:own',
    'article:ingest',
    'claim:correct',
    'claim:review',
    'actor:merge',
    'actor:split',
    'event:merge',
    'event:split',
    'label:write',
  ],
  ADMIN: [...ACTIONS],
};

describe('role × action matrix', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(allowed);
        const viewer: Viewer = { userId: 1, workspaceId: 1, role, via: 'session' };
        if (allowed) expect(() => assertCan(viewer, action)).not.toThrow();
        else {
          const error = (() => {
            try {
              assertCan(viewer, action);
            } catch (e) {
              return e;
            }
          })();
          expect(error).toBeInstanceOf(ForbiddenError);
          expect((error as ForbiddenError).code).toBe('FORBIDDEN');
          expect((error as ForbiddenError).message).toContain(action);
        }
      });
    }
  }

  it('covers every action the brief names', () => {
    for (const a of [
      'claim:read',
      'claim:correct',
      'claim:review',
      'article:ingest',
      'actor:merge',
      'actor:split',
      'event:merge',
      'event:split',
      'label:write',
      'member:manage',
      'token:manage',
      'workspace:settings',
      'audit:read',
    ]) {
      expect(MIN_ROLE).toHaveProperty(a);
    }
  });

  it('anonymous viewers get UNAUTHENTICATED for every action', () => {
    for (const action of ACTIONS) {
      for (const anon of [null, undefined]) {
        let error: unknown;
        try {
          assertCan(anon, action);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(UnauthenticatedError);
        expect((error as UnauthenticatedError).code).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('lowerRole picks the weaker role', () => {
    expect(lowerRole('ADMIN', 'VIEWER')).toBe('VIEWER');
    expect(lowerRole('EDITOR', 'ADMIN')).toBe('EDITOR');
  });
});
