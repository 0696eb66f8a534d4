/** Every route handler of the fake GitHub, keyed by GitHub's operation id. */
import { RouteHandler } from '../http';
import { commitRoutes } from './commits';
import { contentRoutes } from './contents';
import { labelRoutes } from './labels';
import { objectRoutes } from './objects';
import { pullRoutes } from './pulls';
import { refRoutes } from './refs';
import { repoRoutes } from './repos';
import { statusRoutes } from './statuses';

export const ROUTE_HANDLERS: Readonly<Record<string, RouteHandler>> = {
  ...repoRoutes,
  ...refRoutes,
  ...objectRoutes,
  ...commitRoutes,
  ...contentRoutes,
  ...pullRoutes,
  ...labelRoutes,
  ...statusRoutes,
};
