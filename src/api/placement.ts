import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { isKalypsoAppScope } from './scope';

/**
 * Why a ControlPlane cannot be synthesized where it is: cdk8s' own `App.synth()` and `Testing.synth(chart)` see only
 * charts, and a control plane's assignments are charts of their own, so either would silently write or return nothing.
 */
export function placementProblems(controlPlane: IConstruct): string[] {
  const chart = controlPlane.node.scopes.slice(0, -1).find((scope) => Chart.isChart(scope));
  if (chart) {
    return [
      `a ControlPlane inside the chart "${chart.node.path}" is invisible to Testing.synth(chart) and App.synth(): ` +
        'define it directly in a KalypsoApp (new KalypsoApp()), and test it with KalypsoTesting.synth(controlPlane) ' +
        'or Testing.synth(chart) for a chart of controlPlane.assignments()',
    ];
  }
  if (!isKalypsoAppScope(controlPlane.node.root)) {
    return [
      "cdk8s' App.synth() writes charts only, so it would write nothing of this ControlPlane: create the app with " +
        'new KalypsoApp() (its synth() writes the platform GitOps tree), and test with KalypsoTesting.synth(controlPlane)',
    ];
  }
  return [];
}
