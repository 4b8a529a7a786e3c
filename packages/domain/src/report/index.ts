export * from './approval';
export * from './assembly';
export * from './document';
export * from './editing';
export * from './rich-text';
export * from './submission';
