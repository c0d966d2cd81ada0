// ISO 8601 dates as Claimgraph accepts them from outside (publication dates, filters, label dates).
// `Date.parse` alone is too lenient: it reads "3" as 2001-03-01 and rolls 2020-02-31 over to March 2.

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

/** A calendar date (2020-01-13) or date-time (2020-01-13T09:36:00+08:00) that exists, years 0001–9999. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s.trim());
  if (!m) return false;
  const [year, month, day, hour = 0, minute = 0, second = 0] = m
    .slice(1)
    .map((x) => (x === undefined ? undefined : Number(x))) as number[];
  const leap = (year! % 4 === 0 && year! % 100 !== 0) || year! % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month! - 1] ?? 0;
  return (
    year! >= 1 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    !Number.isNaN(Date.parse(s.trim().replace(' ', 'T')))
  );
}

/**
 * The day (YYYY-MM-DD) of a date known to the day, else null: only a day places a happening or a report
 * in time for comparison (a year-precision date is stored as its first day, which is no day at all).
 */
export function knownDay(at: Date | string | null | undefined, precision: string): string | null {
  if (!at || (precision !== 'DAY' && precision !== 'EXACT')) return null;
  return (typeof at === 'string' ? at : at.toISOString()).slice(0, 10);
}
