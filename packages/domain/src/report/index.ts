export * from './approval';
export * from './assembly';
export * from './document-blocks';
export * from './editing';
export * from './rich-text';
