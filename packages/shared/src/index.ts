export * from './extraction.js';
export * from './names.js';
export * from './hosts.js';
export * from './dates.js';
