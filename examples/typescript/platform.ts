/*
 * The tutorial, extended in code: a custom reconciler registered by name, and a cluster type that uses it.
 */
import { Construct } from 'constructs';
import { ClusterType, PlatformConfig } from '../../src';
import { OciReconcilerRenderer } from './oci-reconciler';
import { Tutorial } from './tutorial';

/** The tutorial plus `drone-oci`, a dev cluster type whose clusters pull manifests from OCI artifacts. */
export function definePlatform(scope: Construct, id = 'Tutorial'): Tutorial {
  const tutorial = new Tutorial(scope, id);
  tutorial.addReconciler('oci', new OciReconcilerRenderer({ registry: 'oci://ghcr.io/microsoft' }));
  // Same labels as drone, so the functional-test policy schedules onto it too.
  new ClusterType(tutorial.dev, 'drone-oci', {
    labels: { restricted: 'true', edge: 'true', region: 'china-north-3' },
    reconciler: 'oci',
  });
  new PlatformConfig(tutorial.dev, 'drone-oci-config', {
    labels: { 'cluster-type': 'drone-oci' },
    data: { CLUSTER_NAME: 'Drone (OCI)' },
  });
  return tutorial;
}
