import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { NavLinks } from '@/components/nav-links';
import { AccessBar } from '@/components/review/access-bar';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Claimgraph', template: '%s · Claimgraph' },
  description: 'Who claimed what, citing whom, across news outlets of every leaning.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <a className="brand" href="/" aria-label="Claimgraph home">
            <span aria-hidden="true" className="brand-mark">
              ◆
            </span>{' '}
            Claimgraph
          </a>
          <nav aria-label="Main">
            <NavLinks />
          </nav>
          <AccessBar />
        </header>
        {/* urql (with graphcache) is provided only by the pages that query from the browser, so read-only pages ship less JS. */}
        <main id="main" tabIndex={-1}>
          {children}
        </main>
      </body>
    </html>
  );
}
