// Near-duplicate text: MinHash signatures over word shingles, and LSH band keys to find candidates by index.
//
// Why not a library: bloom-filters' MinHash draws its hash functions at random per process and computes
// (a·x + b) mod p in floating point, which loses bits above 2^53 for 32-bit inputs; a stored signature must
// be the same in every process, so the permutations here are fixed and exact 32-bit integer arithmetic.
// Changing SHINGLE_WORDS, HASHES or the seeds changes every signature: stored ones would no longer compare.

/** Words per shingle: long enough that two reports of one event rarely share one, short enough to survive light edits. */
export const SHINGLE_WORDS = 5;
/** LSH: BANDS bands of ROWS signature values; two texts share a band with probability 1 − (1 − J^ROWS)^BANDS. */
export const BANDS = 42;
export const ROWS = 3;
export const HASHES = BANDS * ROWS;
/** Texts with fewer shingles get no signature: too short to tell a republished report from a shared quote. */
export const MIN_SHINGLES = 40;

export interface Signature {
  /** HASHES minimum hash values (signed 32-bit, as PostgreSQL's int stores them). */
  minhash: number[];
  /** One key per band (signed 32-bit): the ArticleBand rows candidates are looked up by. */
  bands: number[];
  /** Distinct shingles in the text (for the containment estimate). */
  shingles: number;
}

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers that mixes every input bit into every output bit. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the string's UTF-16 code units, finalised. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h >>> 0);
}

/** One fixed seed per permutation: permutation i is x ↦ fmix32(x ⊕ seed_i). */
const SEEDS = Array.from({ length: HASHES }, (_, i) => fmix32(Math.imul(i + 1, 0x9e3779b9) >>> 0));

/** Lower-cased words of letters and digits (NFKC: full-width and compatibility forms fold). */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The set of SHINGLE_WORDS-word shingles of the text, hashed to 32 bits. */
export function shingles(text: string): Set<number> {
  const w = words(text);
  const out = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= w.length; i++) out.add(hashString(w.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

/** The text's signature, or null when it has fewer than MIN_SHINGLES shingles. */
export function signatureOf(text: string): Signature | null {
  const set = shingles(text);
  if (set.size < MIN_SHINGLES) return null;
  const min = new Array<number>(HASHES).fill(0xffffffff);
  for (const x of set) {
    for (let i = 0; i < HASHES; i++) {
      const v = fmix32((x ^ SEEDS[i]!) >>> 0);
      if (v < min[i]!) min[i] = v;
    }
  }
  const bands: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    // The band's index is part of its key: equal values in different bands are no evidence.
    let h = fmix32(b + 1);
    for (let r = 0; r < ROWS; r++) h = fmix32((Math.imul(h, 0x01000193) ^ min[b * ROWS + r]!) >>> 0);
    bands.push(h | 0);
  }
  return { minhash: min.map((v) => v | 0), bands, shingles: set.size };
}

/** Estimated Jaccard similarity of the two shingle sets: the share of equal signature values. */
export function jaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== HASHES || b.length !== HASHES) return 0;
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/** Estimated share of the smaller text's shingles that the other one has: |A∩B| = J·(|A|+|B|)/(1+J). */
export function containment(j: number, sizeA: number, sizeB: number): number {
  if (j <= 0) return 0;
  return Math.min(1, (j * (sizeA + sizeB)) / ((1 + j) * Math.min(sizeA, sizeB)));
}

/** Both texts' shingles mostly the same (Jaccard) … */
export const MIN_JACCARD = 0.4;
/** … and most of the shorter text found in the longer one (a trimmed copy still counts). */
export const MIN_CONTAINMENT = 0.8;

/** Whether two signed texts are one report: a copy, a trimmed copy, or one lightly edited. */
export function nearDuplicate(
  a: Pick<Signature, 'minhash' | 'shingles'>,
  b: Pick<Signature, 'minhash' | 'shingles'>,
): { same: boolean; jaccard: number } {
  const j = jaccard(a.minhash, b.minhash);
  return { same: j >= MIN_JACCARD && containment(j, a.shingles, b.shingles) >= MIN_CONTAINMENT, jaccard: j };
}
