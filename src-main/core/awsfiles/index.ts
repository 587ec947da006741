// Public surface of the AWS files core: lossless documents, botocore's reading, problems, edits, the file store.

export * from './ini-document.js';
export * from './ini-reading.js';
export * from './profiles.js';
export * from './problems.js';
export * from './aws-docs.js';
export * from './edits.js';
export * from './fixes.js';
export * from './line-diff.js';
export * from './aws-files.js';
export * from './paths.js';
export type * from './file-store.types.js';
