// Bytes to text: the charset from the Content-Type header, else a BOM, else the document's own
// declaration (<meta charset>, the XML declaration), else UTF-8.
import iconv from 'iconv-lite';

const DECLARED = [/<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i, /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)["']/i];

export function charsetOf(body: Buffer, contentType: string | null): string {
  const fromHeader = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1];
  if (fromHeader && iconv.encodingExists(fromHeader)) return fromHeader.toLowerCase();
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  const head = body.subarray(0, 2048).toString('latin1');
  for (const re of DECLARED) {
    const found = re.exec(head)?.[1];
    if (found && iconv.encodingExists(found)) return found.toLowerCase();
  }
  return 'utf-8';
}

/** The body as text in its own charset (a BOM is dropped). */
export function decodeBody(body: Buffer, contentType: string | null): string {
  return iconv.decode(body, charsetOf(body, contentType));
}
