/** Where a claims page leaves an outlet's labels on the outlet row (set in claims/service.ts). */
export const PREFETCHED_LABELS = Symbol('labels');
