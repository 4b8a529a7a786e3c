export * from './assembly';
export * from './editing';
export * from './rich-text';
