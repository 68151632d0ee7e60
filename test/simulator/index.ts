export * from './server';
export * from './fixtures';
export type * from './state';
