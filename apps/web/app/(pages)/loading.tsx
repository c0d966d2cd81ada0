import { LoadingState } from '@/components/states';

// Shown while a page's server query runs (App Router wraps each page below it in Suspense with this fallback).
// The claims explorer (app/page.tsx) is outside this group on purpose: without the fallback its first paint is the
// whole page, so the page's style and layout run before it paints instead of as a long task when the fallback is
// swapped out, which on a phone blocked input for ~100 ms after first paint.
export default function Loading() {
  return <LoadingState label="Loading…" />;
}
