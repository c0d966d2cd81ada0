// Stage D: junk filters. Candidate segments that are not actors whatever their capitals say.
import type { Lookup } from './lookup.js';
import type { MentionIndex } from './mention-index.js';
import type { Seg } from './typing.js';

export function dropJunk(_ix: MentionIndex, _lk: Lookup, segs: Seg[]): Seg[] {
  return segs;
}
