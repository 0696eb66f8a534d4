export * from './explanation';
export * from './explain-environment';
export * from './explain-target';
export * from './explain-config';
export * from './explanation-json';
export * from './render-text';
export * from './render-markdown';
