/**
 * Spans of quotations ([open, close] inclusive of the marks) in one linear pass. Straight quotes
 * toggle (a ” also closes an open straight quote); curly quotes pair “ with the next ”; an unclosed quote is dropped at a newline or after
 * 2,000 characters, so broken input cannot make later passes slow.
 */
export function quoteSpans(text: string, from = 0, to = text.length): [number, number][] {
  const out: [number, number][] = [];
  let straight = -1;
  let curly = -1;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      straight = -1;
      curly = -1;
    } else if (c === 34) {
      if (straight >= 0 && i - straight <= 2000) {
        out.push([straight, i + 1]);
        straight = -1;
      } else straight = i;
    } else if (c === 0x201c) curly = i;
    else if (c === 0x201d && curly >= 0) {
      if (i - curly <= 2000) out.push([curly, i + 1]);
      curly = -1;
    } else if (c === 0x201d && straight >= 0) {
      // Mixed marks ("..."...”): the curly close ends the straight quotation, else the next straight mark would.
      if (i - straight <= 2000) out.push([straight, i + 1]);
      straight = -1;
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

/** The text with quoted words replaced by underscores (quote marks kept), so that patterns do not fire inside quotations. */
export function maskQuotes(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const [a, b] of quoteSpans(text)) {
    if (a < last) continue;
    parts.push(text.slice(last, a + 1), '_'.repeat(b - a - 2));
    last = b - 1;
  }
  parts.push(text.slice(last));
  return parts.join('');
}
