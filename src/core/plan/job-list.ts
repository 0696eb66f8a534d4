import { ConfigSource, composeConfigData } from '../config/platform-config';
import { WORKSPACE_LABEL, namespaceName } from '../layout/names';
import { ClusterType, DeploymentTarget, Template } from '../model/types';
import { contentHash } from './content-hash';
import { PreparedAssignment, PreparedEnvironment } from './prepare-environment';
import { PortableConfigSource, RenderJobList, toPortableConfigSource, withoutSource } from './render-job';
import { isPortable, jobTemplates } from './renderers';

/** The jobs of a prepared environment, each made when asked for. */
export function jobList(prepared: PreparedEnvironment): RenderJobList {
  // What many jobs share, numbered and made plain data once: cluster types, targets, config sources.
  const numbered = new Map<object, number>();
  const texts = new Map<object, string>();
  let environment:
    | { clusterTypes: ClusterType[]; deploymentTargets: DeploymentTarget[]; configSources: PortableConfigSource[] }
    | undefined;
  const numberOf = (object: ClusterType | DeploymentTarget | ConfigSource): number => {
    environment ??= { clusterTypes: [], deploymentTargets: [], configSources: [] };
    let number = numbered.get(object);
    if (number === undefined) {
      if (!('kind' in object)) {
        number = environment.configSources.push(toPortableConfigSource(object)) - 1;
      } else if (object.kind === 'ClusterType') {
        number = environment.clusterTypes.push(withoutSource(object)) - 1;
      } else {
        number = environment.deploymentTargets.push(withoutSource(object)) - 1;
      }
      numbered.set(object, number);
    }
    return number;
  };
  // Identity texts of shared objects are long (a ConfigMap's every entry): a job's identity holds their hashes.
  const textOf = (object: ClusterType | DeploymentTarget | ConfigSource): string => {
    let text = texts.get(object);
    if (text === undefined) {
      // Config values as plain data: JSON of a GoMap would merge keys such as `true` and "true".
      text = contentHash(
        'kind' in object
          ? JSON.stringify(withoutSource(object))
          : JSON.stringify([object.configMap, toPortableConfigSource(object)]),
      );
      texts.set(object, text);
    }
    return text;
  };
  // A Template's text is long, and the same for every job that uses it: hashed once.
  const templateTextOf = (template: Template): string => {
    let text = texts.get(template);
    if (text === undefined) {
      text = contentHash(JSON.stringify([template.name, template.type, template.contentType, template.manifests]));
      texts.set(template, text);
    }
    return text;
  };
  const contextOf = ({ assignment }: PreparedAssignment) => {
    const { deploymentTarget } = assignment;
    return {
      environment: deploymentTarget.environment,
      workload: assignment.workload,
      workspace: deploymentTarget.labels[WORKSPACE_LABEL] ?? '',
      namespace: namespaceName(deploymentTarget.environment, assignment.clusterType.name, deploymentTarget.name),
    };
  };
  const pathOf = ({ assignment }: PreparedAssignment) => [
    prepared.environment.name,
    assignment.clusterType.name,
    assignment.deploymentTarget.name,
  ];
  return {
    length: prepared.assignments.length,
    templates: prepared.templates,
    folder: (index) => prepared.assignments[index].folder,
    job: (index) => {
      const prepare = prepared.assignments[index];
      const { clusterType, deploymentTarget } = prepare.assignment;
      const config = composeConfigData(prepare.sources, clusterType, deploymentTarget);
      return {
        path: pathOf(prepare),
        context: { ...contextOf(prepare), clusterType, deploymentTarget, config },
        renderers: prepare.renderers,
      };
    },
    portable: (index) => {
      const prepare = prepared.assignments[index];
      if (!isPortable(prepare.renderers)) return undefined;
      const { clusterType, deploymentTarget } = prepare.assignment;
      return {
        path: pathOf(prepare),
        clusterType: numberOf(clusterType),
        deploymentTarget: numberOf(deploymentTarget),
        configSources: prepare.sources.map(numberOf),
        context: contextOf(prepare),
        renderers: prepare.renderers,
      };
    },
    portableEnvironment: () => ({
      templates: prepared.environment.templates,
      clusterTypes: environment?.clusterTypes ?? [],
      deploymentTargets: environment?.deploymentTargets ?? [],
      configSources: environment?.configSources ?? [],
    }),
    identity: (index) => {
      const prepare = prepared.assignments[index];
      const { assignment, sources, renderers } = prepare;
      if (!isPortable(renderers)) return undefined;
      const templateTexts = jobTemplates(renderers).map((name) => {
        const template = prepared.templates.get(name);
        return template && templateTextOf(template);
      });
      return [
        JSON.stringify([pathOf(prepare), renderers, contextOf(prepare), templateTexts]),
        textOf(assignment.clusterType),
        textOf(assignment.deploymentTarget),
        ...sources.map(textOf),
      ].join('\u0000');
    },
  };
}
