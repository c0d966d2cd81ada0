import { LoadingState } from '@/components/states';

// Shown while a page's server query runs (App Router wraps each page in Suspense with this fallback).
export default function Loading() {
  return <LoadingState label="Loading…" />;
}
