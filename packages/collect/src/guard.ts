// The SSRF guard: a fetched URL may name any host, so every address we connect to is checked after DNS
// resolution, and the socket connects to exactly the address that was checked (the check runs inside
// the connection's own lookup, so a name that resolves differently a moment later cannot slip past).
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { CollectError } from './errors.js';

export type AddressRange = [ipaddr.IPv4 | ipaddr.IPv6, number];

/**
 * Ranges the operator allows despite being private (e.g. `127.0.0.0/8` in tests, an internal mirror).
 * Parsed from a comma-separated CIDR list; a bad entry throws, naming it.
 */
export function parseAllowedRanges(list: string | undefined): AddressRange[] {
  if (!list?.trim()) return [];
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((cidr) => {
      try {
        return ipaddr.parseCIDR(cidr);
      } catch {
        throw new Error(`"${cidr}" is not an address range: write it as CIDR, e.g. 127.0.0.0/8 or ::1/128.`);
      }
    });
}

/**
 * Only global unicast addresses are public. Loopback, private, link-local (cloud metadata at
 * 169.254.169.254), unique-local, carrier-grade NAT, multicast, reserved, IPv4-mapped and the
 * translation prefixes that can embed a private IPv4 address are all refused unless allowed.
 */
export function isAddressAllowed(address: string, allowed: readonly AddressRange[]): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address); // IPv4-mapped IPv6 (::ffff:10.0.0.1) becomes the IPv4 address
  } catch {
    return false;
  }
  if (allowed.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits))) return true;
  return parsed.range() === 'unicast';
}

const refuse = (host: string, address: string) =>
  new CollectError(
    'BLOCKED_ADDRESS',
    `${host} points to ${address}, a private or local address; Claimgraph fetches only public addresses (an operator can allow ranges with FETCH_ALLOWED_PRIVATE_RANGES).`,
  );

/** Refuses a URL whose host is an IP literal outside the allowed addresses (literals bypass DNS lookup). */
export function checkLiteralHost(hostname: string, allowed: readonly AddressRange[]) {
  const bare = hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(bare) && !isAddressAllowed(bare, allowed)) throw refuse(hostname, bare);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for net/tls.connect that resolves the name, refuses it if any of its addresses is not
 * allowed, and hands the connection only checked addresses.
 */
export function guardedLookup(allowed: readonly AddressRange[]) {
  return (hostname: string, options: dns.LookupOptions, callback: LookupCallback) => {
    dns.lookup(hostname, { all: true, ...(options.family ? { family: options.family } : {}) }, (err, addresses) => {
      if (err) return callback(err, []);
      const bad = addresses.find((a) => !isAddressAllowed(a.address, allowed));
      if (bad) return callback(refuse(hostname, bad.address) as unknown as NodeJS.ErrnoException, []);
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
