import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { temporaryFolder } from './support/temp';

const ROOT = path.join(__dirname, '..');

test('cdk8s import regenerates imports/ byte for byte from the CRD files listed in cdk8s.yaml, offline', () => {
  const out = temporaryFolder();
  const result = spawnSync(
    path.join(ROOT, 'node_modules/.bin/cdk8s'),
    ['import', '--no-check-upgrade', '--output', out],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(result.status).toBe(0);
  const generated = fs
    .readdirSync(out)
    .filter((file) => file.endsWith('.ts'))
    .sort();
  expect(generated).toEqual(['argoproj.io.ts', 'kustomize.toolkit.fluxcd.io.ts', 'source.toolkit.fluxcd.io.ts']);
  for (const file of generated) {
    expect(fs.readFileSync(path.join(out, file), 'utf8')).toBe(
      fs.readFileSync(path.join(ROOT, 'imports', file), 'utf8'),
    );
  }
});
