export type { AssignmentContext } from '../../core/plan/render-job';
