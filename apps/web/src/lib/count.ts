// Claim counts beyond the API's exact-count limit are planner estimates (`ClaimCount.exact` false):
// say so, rather than print an estimate as if it were counted.
export interface CountLike {
  value: number;
  exact: boolean;
}

export function countText({ value, exact }: CountLike): string {
  const n = value.toLocaleString('en');
  return exact ? n : `about ${n}`;
}
