import { IConstruct } from 'constructs';

/*
 * How the constructs of a control plane find the ControlPlane and the Environment they belong to, without importing
 * those classes (no circular imports): each marks itself with a symbol, as cdk8s' Chart does.
 */

const CONTROL_PLANE = Symbol.for('kalypso-cdk8s.ControlPlane');
const ENVIRONMENT = Symbol.for('kalypso-cdk8s.Environment');
const KALYPSO_OBJECT = Symbol.for('kalypso-cdk8s.KalypsoObject');
const KALYPSO_APP = Symbol.for('kalypso-cdk8s.KalypsoApp');

/**
 * What the constructs of a control plane ask of the ControlPlane they belong to.
 * @internal
 */
export interface ControlPlaneScope extends IConstruct {
  /** Something that changes the model was added or changed. */
  _changed(): void;
  /** Validation errors about `construct`, computed once per change of the control plane. */
  _problemsOf(construct: IConstruct): string[];
}

/** @internal */
export function markControlPlane(construct: IConstruct): void {
  Object.defineProperty(construct, CONTROL_PLANE, { value: true });
}

/** @internal */
export function markEnvironment(construct: IConstruct): void {
  Object.defineProperty(construct, ENVIRONMENT, { value: true });
}

/** @internal */
export function markKalypsoObject(construct: IConstruct): void {
  Object.defineProperty(construct, KALYPSO_OBJECT, { value: true });
}

/** @internal */
export function markKalypsoApp(construct: IConstruct): void {
  Object.defineProperty(construct, KALYPSO_APP, { value: true });
}

/** @internal */
export function isKalypsoAppScope(value: unknown): value is IConstruct {
  return typeof value === 'object' && value !== null && KALYPSO_APP in value;
}

/** @internal */
export function isControlPlaneScope(value: unknown): value is ControlPlaneScope {
  return typeof value === 'object' && value !== null && CONTROL_PLANE in value;
}

/** @internal */
export function isEnvironmentScope(value: unknown): value is IConstruct {
  return typeof value === 'object' && value !== null && ENVIRONMENT in value;
}

/** @internal */
export function isKalypsoObjectScope(value: unknown): value is IConstruct {
  return typeof value === 'object' && value !== null && KALYPSO_OBJECT in value;
}

/** The nearest enclosing scope (not `construct` itself) that passes `test`. */
function nearest(construct: IConstruct, test: (scope: IConstruct) => boolean): IConstruct | undefined {
  const scopes = construct.node.scopes;
  for (let index = scopes.length - 2; index >= 0; index--) {
    if (test(scopes[index])) return scopes[index];
  }
  return undefined;
}

/**
 * The ControlPlane `construct` is defined in; throws (a programmer error) when there is none.
 * @internal
 */
export function findControlPlane(construct: IConstruct, what: string): ControlPlaneScope {
  const found = nearest(construct, isControlPlaneScope);
  if (!found) {
    throw new Error(`${what} "${construct.node.path}" must be defined inside a ControlPlane`);
  }
  return found as ControlPlaneScope;
}

/**
 * The Environment `construct` is defined in, if any, below its ControlPlane.
 * @internal
 */
export function findEnvironment(construct: IConstruct): IConstruct | undefined {
  const environment = nearest(construct, (scope) => isEnvironmentScope(scope) || isControlPlaneScope(scope));
  return environment && isEnvironmentScope(environment) ? environment : undefined;
}

/**
 * The nearest enclosing construct that `test` accepts, stopping at the ControlPlane.
 * @internal
 */
export function findEnclosing<T extends IConstruct>(
  construct: IConstruct,
  test: (scope: IConstruct) => scope is T,
): T | undefined {
  const found = nearest(construct, (scope) => test(scope) || isControlPlaneScope(scope));
  return found && !isControlPlaneScope(found) && test(found) ? found : undefined;
}
