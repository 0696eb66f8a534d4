import Ajv, { ValidateFunction } from 'ajv';
import * as fs from 'fs';
import { loadAll } from 'js-yaml';
import * as path from 'path';

/** The CRDs of the project's imports and of the custom reconciler of examples/typescript. */
const CRD_FOLDERS = [
  path.join(__dirname, '../../imports/crds'),
  path.join(__dirname, '../../examples/typescript/crds'),
];

/** Validators for every served version of every CRD kept in the CRD folders, keyed `apiVersion/Kind`. */
function buildValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validators = new Map<string, ValidateFunction>();
  const files = CRD_FOLDERS.flatMap((folder) =>
    fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.yaml'))
      .map((name) => path.join(folder, name)),
  );
  for (const file of files) {
    for (const crd of loadAll(fs.readFileSync(file, 'utf8')) as any[]) {
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions) {
        if (!version.served) continue;
        validators.set(
          `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`,
          ajv.compile(version.schema.openAPIV3Schema),
        );
      }
    }
  }
  return validators;
}

let validators: Map<string, ValidateFunction> | undefined;

/** Problems the real CRD schema finds in an emitted object; throws when no CRD of that apiVersion and kind is kept. */
export function crdSchemaErrors(object: { apiVersion: string; kind: string }): string[] {
  validators ??= buildValidators();
  const validate = validators.get(`${object.apiVersion}/${object.kind}`);
  if (!validate) throw new Error(`no CRD for ${object.apiVersion} ${object.kind} in the CRD folders`);
  return validate(object) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Whether a kept CRD defines this apiVersion and kind. */
export function hasCrd(object: { apiVersion: string; kind: string }): boolean {
  validators ??= buildValidators();
  return validators.has(`${object.apiVersion}/${object.kind}`);
}
