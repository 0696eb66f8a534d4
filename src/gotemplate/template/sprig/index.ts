export { SPRIG_FUNCTIONS } from './sprig-functions';
