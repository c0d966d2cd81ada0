// Settings pages write from the browser (members, tokens, labels): their forms run urql mutations.
import type { ReactNode } from 'react';
import { env } from '@/env';
import { UrqlBrowserProvider } from '@/lib/urql-browser';

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return <UrqlBrowserProvider apiUrl={env().publicApiUrl}>{children}</UrqlBrowserProvider>;
}
