'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const LINKS = [
  { href: '/', label: 'Claims' },
  { href: '/actors', label: 'Actors' },
  { href: '/events', label: 'Events' },
  { href: '/outlets', label: 'Outlets' },
  { href: '/ingest', label: 'Ingest' },
  { href: '/feeds', label: 'Feeds' },
  { href: '/help', label: 'Help' },
];

export function NavLinks() {
  const path = usePathname();
  return (
    <ul className="nav-links">
      {LINKS.map((l) => {
        const active = l.href === '/' ? path === '/' || path.startsWith('/claims') : path.startsWith(l.href);
        return (
          <li key={l.href}>
            <Link href={l.href} aria-current={active ? 'page' : undefined}>
              {l.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
