import { spawnSync } from 'child_process';
import * as path from 'path';
import { FluxReconcilerRenderer } from '../../../src/render/constructs/reconcilers';
import { RendererRegistry } from '../../../src/render/constructs/renderer-registry';
import { ROOT } from '../../support/cli';

describe('the renderer registry', () => {
  test('names the built-ins and tells their ids without loading cdk8s; loads them when a renderer is asked for', () => {
    // GIVEN the compiled registry in a fresh process (the main thread of a run)
    const registry = path.join(ROOT, 'lib/src/render/constructs/renderer-registry.js');
    const script = `
      const loaded = () => Object.keys(require.cache).some((file) => file.includes('/node_modules/cdk8s/'));
      const registry = require(${JSON.stringify(registry)}).RendererRegistry.withBuiltIns();
      const before = { catalog: registry.catalog(), id: registry.builtIn('reconciler', 'arc-flux'), loaded: loaded() };
      const flux = registry.reconciler('flux');
      console.log(JSON.stringify({ before, after: loaded(), name: flux.constructor.name }));
    `;
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    // THEN planning's questions are answered with cdk8s not loaded, and asking for a renderer loads it
    expect(JSON.parse(run.stdout)).toEqual({
      before: {
        catalog: {
          reconciler: ['arc-flux', 'argocd', 'flux'],
          namespace: ['default'],
          config: ['configmap', 'envfile'],
        },
        id: 'flux',
        loaded: false,
      },
      after: true,
      name: 'FluxReconcilerRenderer',
    });
  });

  test('makes one instance of a built-in whatever name it is asked by, shared with copies', () => {
    const registry = RendererRegistry.withBuiltIns();
    const flux = registry.reconciler('flux');
    expect(flux).toBeInstanceOf(FluxReconcilerRenderer);
    expect(registry.reconciler('arc-flux')).toBe(flux);
    expect(registry.copy().reconciler('arc-flux')).toBe(flux);
  });

  test('knows a built-in class registered in code under another name as that built-in', () => {
    const registry = RendererRegistry.withBuiltIns();
    registry.addReconciler('my-flux', new FluxReconcilerRenderer());
    expect(registry.builtIn('reconciler', 'my-flux')).toBe('flux');
    registry.addReconciler('flux', { render: () => undefined } as never);
    expect(registry.builtIn('reconciler', 'flux')).toBeUndefined();
  });
});
