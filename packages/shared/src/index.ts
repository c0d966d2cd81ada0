export * from './extraction.js';
export * from './names.js';
