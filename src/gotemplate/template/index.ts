export { renderManifest, renderManifests } from './render';
export type { RenderOptions, TemplateData } from './render';
export { TemplateError } from './template-error';
export type { TemplateErrorDetails, TemplateErrorKind } from './template-error';
