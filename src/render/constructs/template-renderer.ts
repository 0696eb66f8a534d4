import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Template, objectRef } from '../../core/model/types';
import { TemplateData, TemplateError, renderManifests } from '../../gotemplate';
import { DEFAULT_LOAD_LIMITS } from '../../core/model/limits';
import { loadYamlWithLimits } from '../../core/model/yaml-documents';
import { AssignmentContext } from './assignment-context';
import type { Manifest } from '../serialize/serialize';
import { PlainRenderer, apiObjectJson } from './plain-manifest';
import { RawManifest } from './raw-manifest';
import { RenderError } from './render-error';
import { ConfigFileType, IConfigRenderer } from './renderer';

/** Kalypso's `contentType` that makes the config file `platform-config.sh` (docs/explanation/scheduling-and-config.md#renderers-and-templates). */
export const SH_CONTENT_TYPE = 'sh';

/** The data a Template sees for an assignment (docs/explanation/scheduling-and-config.md#what-a-template-sees). */
export function templateData(context: AssignmentContext): TemplateData {
  return {
    DeploymentTargetName: context.deploymentTarget.name,
    Namespace: context.namespace,
    Environment: context.environment,
    Workspace: context.workspace,
    Workload: context.workload,
    Labels: context.deploymentTarget.labels,
    Manifests: context.deploymentTarget.manifests,
    ClusterType: context.clusterType.name,
    ConfigData: context.config,
  };
}

type KubernetesObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string } & Record<string, unknown>;
} & Record<string, unknown>;

function isKubernetesObject(value: unknown): value is KubernetesObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const object = value as Record<string, unknown>;
  const metadata = object.metadata as Record<string, unknown> | null;
  return (
    typeof object.apiVersion === 'string' &&
    typeof object.kind === 'string' &&
    typeof metadata === 'object' &&
    metadata !== null &&
    typeof metadata.name === 'string'
  );
}

/**
 * The Kubernetes objects of a rendered manifest, or undefined when it is something else (text that is not YAML, a
 * fragment without apiVersion/kind/name, an empty document): such text is written verbatim, as upstream writes all.
 * The text is parsed with the limits that guard the loader (nodes and bytes once aliases are expanded, depth, key
 * length, documents), so that a Template cannot expand into an output that no input file could be; over a limit,
 * the reason is thrown as a `LimitExceeded`.
 */
function kubernetesObjects(text: string): KubernetesObject[] | undefined {
  const loaded = loadYamlWithLimits(text, 'output', DEFAULT_LOAD_LIMITS, DEFAULT_LOAD_LIMITS.maxDocumentsPerFile);
  if ('overLimit' in loaded) {
    const { message, location } = loaded.overLimit;
    throw new LimitExceeded(location?.line === undefined ? message : `line ${location.line}: ${message}`);
  }
  if ('invalid' in loaded) return undefined;
  const documents = loaded.values;
  return documents.length > 0 && documents.every(isKubernetesObject) ? documents : undefined;
}

class LimitExceeded extends Error {}

export interface TemplateManifestsProps {
  readonly template: Template;
  readonly context: AssignmentContext;
}

/** A rendered manifest: Kubernetes objects, or text written verbatim. */
type RenderedManifest = { readonly objects: readonly KubernetesObject[] } | { readonly text: string };

/**
 * A Template rendered for one assignment (docs/explanation/scheduling-and-config.md#rendering-a-template): each
 * manifest rendered with Go text/template, results that are exactly "" dropped; the Kubernetes objects of each, or its
 * text (a `sh` config, a fragment). Throws a `RenderError` naming the Template.
 */
function renderTemplate(template: Template, context: AssignmentContext): RenderedManifest[] {
  let rendered: string[];
  try {
    rendered = renderManifests(template.manifests, templateData(context), { name: template.name });
  } catch (e) {
    if (!(e instanceof TemplateError)) throw e;
    throw new RenderError(e.message, template.source?.location, objectRef(template));
  }
  const verbatim = template.contentType === SH_CONTENT_TYPE;
  return rendered.map((text, index) => {
    let objects: KubernetesObject[] | undefined;
    try {
      objects = verbatim ? undefined : kubernetesObjects(text);
    } catch (e) {
      if (!(e instanceof LimitExceeded)) throw e;
      throw new RenderError(
        `Template ${JSON.stringify(template.name)}: the output of rendered manifest ${index + 1}, ${e.message}`,
        template.source?.location,
        objectRef(template),
      );
    }
    return objects ? { objects } : { text };
  });
}

/** A Template rendered for one assignment: Kubernetes objects become cdk8s ApiObjects, other text stays verbatim. */
export class TemplateManifests extends Construct {
  public constructor(scope: Construct, id: string, props: TemplateManifestsProps) {
    super(scope, id);
    renderTemplate(props.template, props.context).forEach((manifest, index) => {
      if ('text' in manifest) {
        new RawManifest(this, `Manifest${index}`, { text: manifest.text });
        return;
      }
      manifest.objects.forEach((object, documentIndex) => {
        new ApiObject(this, `Manifest${index}-${documentIndex}`, object);
      });
    });
  }
}

/** Renders a control plane's Template object in any role (upstream does not enforce `spec.type`). */
export class TemplateRenderer implements IConfigRenderer, PlainRenderer {
  public readonly fileType: ConfigFileType;

  public constructor(
    /** The Template it renders. */
    public readonly template: Template,
  ) {
    this.fileType = template.contentType === SH_CONTENT_TYPE ? ConfigFileType.SH : ConfigFileType.YAML;
  }

  public render(scope: Construct, context: AssignmentContext): void {
    new TemplateManifests(scope, 'Template', { template: this.template, context });
  }

  /** The JSON of the TemplateManifests; undefined when rendering the Template fails (`render` reports it). */
  public plainManifests(context: AssignmentContext): readonly Manifest[] | undefined {
    let rendered: RenderedManifest[];
    try {
      rendered = renderTemplate(this.template, context);
    } catch (e) {
      if (e instanceof RenderError) return undefined;
      throw e;
    }
    return rendered.flatMap((manifest): Manifest[] =>
      'text' in manifest ? [manifest] : manifest.objects.map((object) => ({ object: apiObjectJson(object) })),
    );
  }
}
