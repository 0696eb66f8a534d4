export * from './argocd';
export * from './flux';
export * from './manifests';
