import Ajv, { ValidateFunction } from 'ajv';
import * as fs from 'fs';
import { loadAll } from 'js-yaml';
import * as path from 'path';

const CRD_FOLDER = path.join(__dirname, '../../imports/crds');

/** Validators for every served version of every CRD kept in imports/crds, keyed `apiVersion/Kind`. */
function buildValidators(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const validators = new Map<string, ValidateFunction>();
  for (const file of fs.readdirSync(CRD_FOLDER).filter((name) => name.endsWith('.yaml'))) {
    for (const crd of loadAll(fs.readFileSync(path.join(CRD_FOLDER, file), 'utf8')) as any[]) {
      if (crd?.kind !== 'CustomResourceDefinition') continue;
      for (const version of crd.spec.versions) {
        if (!version.served) continue;
        validators.set(`${crd.spec.group}/${version.name}/${crd.spec.names.kind}`, ajv.compile(version.schema.openAPIV3Schema));
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
  if (!validate) throw new Error(`no CRD for ${object.apiVersion} ${object.kind} in imports/crds`);
  return validate(object) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Whether a CRD kept in imports/crds defines this apiVersion and kind. */
export function hasCrd(object: { apiVersion: string; kind: string }): boolean {
  validators ??= buildValidators();
  return validators.has(`${object.apiVersion}/${object.kind}`);
}
