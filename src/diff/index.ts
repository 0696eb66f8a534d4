export * from './yaml-diff';
export * from './line-diff';
export * from './tree-diff';
export * from './format-diff';
