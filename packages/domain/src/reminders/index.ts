export * from './hours';
export * from './preferences';
export * from './responses';
export * from './rules';
export * from './statute';
export * from './unanswered';
