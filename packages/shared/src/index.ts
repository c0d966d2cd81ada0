export * from './extraction.js';
