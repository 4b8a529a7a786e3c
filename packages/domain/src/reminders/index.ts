export * from './hours';
export * from './rules';
