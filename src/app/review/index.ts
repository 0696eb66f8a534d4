export * from './report';
export * from './build-report';
export * from './describe';
export * from './mermaid';
export * from './changed-matrix';
export * from './render-report';
export * from './report-json';
export * from './full-report';
export { emptyState } from './review-context';
