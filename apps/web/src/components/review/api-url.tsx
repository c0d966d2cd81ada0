'use client';
// The API's GraphQL URL as the browser sees it (PUBLIC_API_URL, read per request on the server), for the forms'
// writes below a page section that provides it.
import { createContext, use, type ReactNode } from 'react';

const ApiUrl = createContext<string | null>(null);

export function ApiUrlProvider({ apiUrl, children }: { apiUrl: string; children: ReactNode }) {
  return <ApiUrl value={apiUrl}>{children}</ApiUrl>;
}

export function useApiUrl(): string {
  const url = use(ApiUrl);
  if (url === null) throw new Error('useApiUrl: no ApiUrlProvider above this form');
  return url;
}
