import type { DatePrecision } from '@/__generated__/graphql';

/** A date as exactly as it is known: "1979" for a year, "1979-03" for a month (both stored as their first day). */
export function knownDate(iso: string, precision: DatePrecision): string {
  if (precision === 'YEAR') return iso.slice(0, 4);
  if (precision === 'MONTH') return iso.slice(0, 7);
  return precision === 'APPROXIMATE' ? `about ${iso.slice(0, 10)}` : iso.slice(0, 10);
}
