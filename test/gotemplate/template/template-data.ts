import { parseConfigValue } from '../../../src/core/config/parse-config-value';
import { renderManifest, RenderOptions, TemplateData } from '../../../src/gotemplate/template';

/** The data of upstream's sample output: environment dev, cluster type drone, the hello-world-app functional-test target. */
export const HELLO_WORLD: TemplateData = {
  DeploymentTargetName: 'hello-world-app-functional-test',
  Namespace: 'dev-drone-hello-world-app-functional-test',
  Environment: 'dev',
  Workspace: 'kaizen-app-team',
  Workload: 'hello-world-app',
  Labels: {
    workload: 'hello-world-app',
    workspace: 'kaizen-app-team',
    purpose: 'functional-test',
    edge: 'true',
    'use-case': 'uc1',
  },
  Manifests: {
    repo: 'https://github.com/microsoft/kalypso-app-gitops',
    branch: 'dev',
    path: './functional-test',
  },
  ClusterType: 'drone',
  ConfigData: {
    CLUSTER_NAME: 'Drone',
    DATABASE_URL: 'mysql://restricted-host:3306/mysqlrty123',
    ENVIRONMENT: 'Dev',
    REGION: 'East US',
    SOME_COMMON_ENVIRONMENT_VARIABLE: 'false',
  },
};

/** The same target with structured config values (arrays and maps, as parsed from YAML config values). */
export const STRUCTURED: TemplateData = {
  ...HELLO_WORLD,
  ConfigData: {
    REGION: 'East US',
    COUNT: '3',
    tags: parseConfigValue('[Tag1, Tag2]'),
    numbers: parseConfigValue('[1, 2.5, yes, ~]'),
    module: parseConfigValue('window-period: "5"\ntag:\n  short-name: Patch\n  reject-tags: [R173, R018]\n'),
    empty: '',
    nothing: null,
  },
};

/** The config behind the real configuratix output `az-vote-line1-config-3170723027559689098`. */
export const AZ_VOTE_CONFIG = {
  REDIS: 'azure-vote-back',
  TITLE: 'Voting Application from the Cloud',
  VOTE1VALUE: 'Picard',
  VOTE2VALUE: 'Kirk',
};

/** `HELLO_WORLD` with other config data. */
export function withConfig(ConfigData: TemplateData['ConfigData']): TemplateData {
  return { ...HELLO_WORLD, ConfigData };
}

/** Renders one manifest with `HELLO_WORLD` (or the given data). */
export function render(text: string, data: TemplateData = HELLO_WORLD, options?: RenderOptions): string {
  return renderManifest(text, data, options);
}

/** The message of the error `render` throws (undefined if it does not throw). */
export function renderError(
  text: string,
  data: TemplateData = HELLO_WORLD,
  options?: RenderOptions,
): string | undefined {
  try {
    renderManifest(text, data, options);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
