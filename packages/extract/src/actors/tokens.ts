// Word tokens with offsets. Dotted acronyms ("U.S."), initials ("C.") and hyphenated words stay whole,
// except a participle suffix ("Iranian-backed", "Qaeda-linked"), so the name before it stands alone.
export interface Token {
  start: number;
  end: number;
  text: string;
}

// CJK runs are their own tokens so "丨CGTN" yields "CGTN".
const TOKEN_RE =
  /\b(?:Gen|Lt|Col|Maj|Sgt|Capt|Adm|Brig|Dr|Mr|Mrs|Ms|Prof|Sen|Sens|Rep|Reps|Gov|Cpl|Pvt|Gens|Rev|Hon)\.(?=\s)|[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]+|(?:\p{L}\.){2,}|\p{Lu}\.(?=\s)|[\p{L}\p{N}](?:(?!-(?:backed|linked|led|controlled|based|allied|aligned|funded|affiliated|run|owned|inspired|style|sponsored|dominated|leaning|born)\b)(?![\p{sc=Han}\p{sc=Hangul}])[\p{L}\p{M}\p{N}'’\-])*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null)
    out.push({ start: offset + m.index, end: offset + m.index + m[0].length, text: m[0] });
  return out;
}

/** "Iran's" → { base: "Iran", possessive: true } */
export function stripPossessive(w: string): { base: string; possessive: boolean } {
  const n = w.length;
  if (n > 2 && (w[n - 1] === 's' || w[n - 1] === 'S') && (w[n - 2] === "'" || w[n - 2] === '’'))
    return { base: w.slice(0, -2), possessive: true };
  if (n > 2 && (w[n - 1] === "'" || w[n - 1] === '’') && (w[n - 2] === 's' || w[n - 2] === 'S'))
    return { base: w.slice(0, -1), possessive: true };
  return { base: w, possessive: false };
}

/** Key for transliteration variants: lower case, no diacritics, no "al-", doubled letters collapsed. */
const keyCache = new Map<string, string>();
export function translitKey(name: string): string {
  let k = keyCache.get(name);
  if (k !== undefined) return k;
  k = translitKeyRaw(name);
  if (keyCache.size > 50_000) keyCache.clear(); // bounded memory
  keyCache.set(name, k);
  return k;
}
function translitKeyRaw(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\b(al|el|ul|ad|an|as|ash|at|az)[-\s]+/g, '')
    .replace(/[^a-z0-9]/g, '')
    .replace(/(.)\1+/g, '$1')
    .replace(/ou/g, 'u')
    .replace(/q/g, 'k');
}

export const isCap = (w: string): boolean => {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return w.length > 3 && w.includes('-') && /^(al|el|bin|ibn|abu|ul)-\p{Lu}/u.test(w);
  return c > 127 && /^\p{Lu}/u.test(w);
};
