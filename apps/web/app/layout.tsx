import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { env } from '@/env';
import { UrqlBrowserProvider } from '@/lib/urql-browser';
import { NavLinks } from '@/components/nav-links';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Claimgraph', template: '%s · Claimgraph' },
  description: 'Who claimed what, citing whom, across news outlets of every leaning.',
};

// Read the API URL per request, never at build time.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: ReactNode }) {
  const { publicApiUrl } = env();
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">Skip to content</a>
        <header className="site-header">
          <a className="brand" href="/" aria-label="Claimgraph home">
            <span aria-hidden="true" className="brand-mark">◆</span> Claimgraph
          </a>
          <nav aria-label="Main">
            <NavLinks />
          </nav>
        </header>
        <UrqlBrowserProvider apiUrl={publicApiUrl}>
          <main id="main" tabIndex={-1}>{children}</main>
        </UrqlBrowserProvider>
      </body>
    </html>
  );
}
