// Settings pages write from the browser (members, tokens, labels): their forms post mutations to the API.
import type { ReactNode } from 'react';
import { env } from '@/env';
import { ApiUrlProvider } from '@/components/review/api-url';

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <ApiUrlProvider apiUrl={env().publicApiUrl}>{children}</ApiUrlProvider>;
}
