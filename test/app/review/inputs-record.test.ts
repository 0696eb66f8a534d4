import * as path from 'path';
import {
  INPUTS_RECORD_PATH,
  MAX_RECORD_LENGTH,
  readInputsRecord,
  recordInputs,
} from '../../../src/app/review/inputs-record';
import { previousState } from '../../../src/app/review/previous-state';
import { planEnvironment } from '../../../src/app/synthesize/plan-model';
import { SourcedDocument } from '../../../src/core/model/documents';
import { EnvironmentModel } from '../../../src/core/model/types';
import { FolderSource } from '../../../src/io/source/folder-source';
import { loadControlPlane } from '../../../src/io/source/load';
import { baseFleet, fleetFiles, planFleet } from './fleet';
import { temporaryFolder, writeFiles } from '../../support/temp';

/** The model with each object's parsed document left out (the record does not keep it). */
function withoutDocuments(model: EnvironmentModel): unknown {
  return JSON.parse(
    JSON.stringify(model, (key, value: unknown) => {
      if (key !== 'source' || typeof value !== 'object' || value === null) return value;
      const source = value as SourcedDocument;
      return { ...source, value: null, fieldLocations: [...source.fieldLocations] };
    }),
  );
}

describe('the record of what a publish was built from', () => {
  test.each([
    ['the tutorial', path.join(__dirname, '../../../examples/tutorial')],
    [
      'a synthetic fleet',
      (() => {
        const root = temporaryFolder('kalypso-record-');
        writeFiles(root, fleetFiles(baseFleet({ clusterTypes: 6, workloads: 2 })));
        return root;
      })(),
    ],
  ])('%s: every object reads back as loaded, and plans to the same files', async (_name, root) => {
    const { model } = await loadControlPlane(new FolderSource(root));
    expect(model.environments.length).toBeGreaterThan(0);
    for (const environment of model.environments) {
      const text = recordInputs(environment);
      expect(recordInputs(environment)).toBe(text);
      const restored = readInputsRecord(text, environment.name);
      if ('problem' in restored) throw new Error(restored.problem);
      expect(withoutDocuments(restored)).toEqual(withoutDocuments(environment));
      expect(planEnvironment(restored).files).toEqual(planEnvironment(environment).files);
    }
  });

  test.each([
    ['not JSON', '{', /is not JSON/],
    ['another format', '{"format": "x"}', /not a record of format kalypso-cdk8s\/control-plane\/v1/],
    [
      'another environment',
      '{"format": "kalypso-cdk8s/control-plane/v1", "environment": "prod", "model": {}}',
      /records environment "prod", not "dev"/,
    ],
    ['no objects', '{"format": "kalypso-cdk8s/control-plane/v1", "environment": "dev"}', /holds no environment/],
  ])('a record that is %s is refused with a reason naming the file', (_name, text, message) => {
    const read = readInputsRecord(text, 'dev');
    expect(read).toEqual({ problem: expect.stringMatching(message) });
    expect((read as { problem: string }).problem).toContain(INPUTS_RECORD_PATH);
  });

  test('a record larger than the bound is not parsed', () => {
    const huge = { length: MAX_RECORD_LENGTH + 1 } as unknown as string;
    expect(readInputsRecord(huge, 'dev')).toEqual({
      problem: expect.stringMatching(/is larger than 268,435,456 characters/),
    });
  });

  test('the previous state: the record planned again; else, or when it cannot be planned, the tree alone', async () => {
    const next = await planFleet(baseFleet({ clusterTypes: 4, workloads: 1 }));
    const paths = Object.keys(next.plan.files);
    const branch = { paths, contents: new Map<string, string>(), record: recordInputs(next.model) };
    const planned = await previousState(next, branch, async () => next.plan);
    expect(planned.baseline).toBe('control-plane');
    expect(planned.state.plan).toBe(next.plan);

    const none = await previousState(next, { paths, contents: new Map() });
    expect(none).toMatchObject({ baseline: 'tree' });
    expect(none.ignoredRecord).toBeUndefined();
    expect(none.state.plan.assignments.map((a) => `${a.clusterType}/${a.deploymentTarget}`).sort()).toEqual(
      next.plan.assignments.map((a) => `${a.clusterType}/${a.deploymentTarget}`).sort(),
    );

    const broken = await previousState(next, branch, async () => {
      throw new TypeError('cannot read properties of undefined');
    });
    expect(broken).toMatchObject({
      baseline: 'tree',
      ignoredRecord: `${INPUTS_RECORD_PATH} cannot be planned (cannot read properties of undefined)`,
    });
    const unreadable = await previousState(next, { ...branch, record: '{"format": "other"}' });
    expect(unreadable.ignoredRecord).toMatch(/is not a record of format/);
  });
});
