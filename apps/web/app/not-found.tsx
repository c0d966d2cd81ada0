import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="state state-empty" role="status">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. Try the <Link href="/">claims explorer</Link>,{' '}
        <Link href="/actors">actors</Link> or <Link href="/events">events timeline</Link>.
      </p>
    </div>
  );
}
