/** Bumped whenever output for the same input may change (stored results carry it). */
export const EXTRACTOR_VERSION = '0.3.74';
