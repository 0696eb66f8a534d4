import { quote } from '../../go/quote';
import { fn, FunctionTable, GoCallError, ParamType, TemplateFunction } from '../functions';

/**
 * sprig v2.22.0 functions that kalypso-cdk8s defines (so that templates parse exactly as upstream) but refuses
 * to run. A template that calls one fails with an error saying why:
 *
 * - `env`, `expandenv` read the process environment: a Template must never reach CI secrets (deliberate
 *   difference from upstream);
 * - date, random, UUID, key and certificate generators depend on the clock or on randomness, so two runs over
 *   the same control plane would produce different output (and pull requests);
 * - `getHostByName` needs the network;
 * - `semver`, `semverCompare`, `derivePassword`, `decryptAES`, `buildCustomCert` are not implemented.
 */
function refuse(name: string, reason: string, params: readonly ParamType[], variadic?: ParamType): TemplateFunction {
  return fn(
    params,
    () => {
      throw new GoCallError(`${name} is not available in kalypso-cdk8s templates: ${reason}`);
    },
    variadic,
  );
}

const ENVIRONMENT = 'templates may not read the environment';
const CLOCK = 'its result depends on the clock, so rendering would not be reproducible';
const RANDOM = 'its result is random, so rendering would not be reproducible';
const NOT_IMPLEMENTED = 'not implemented';

export const DISABLED_FUNCTIONS: FunctionTable = {
  env: fn(['string'], ([name]) => {
    throw new GoCallError(`${ENVIRONMENT} (env ${quote(name as string)})`);
  }),
  expandenv: fn(['string'], () => {
    throw new GoCallError(`${ENVIRONMENT} (expandenv)`);
  }),
  date: refuse('date', CLOCK, ['string', 'any']),
  date_in_zone: refuse('date_in_zone', CLOCK, ['string', 'any', 'string']),
  date_modify: refuse('date_modify', CLOCK, ['string', 'any']),
  dateInZone: refuse('dateInZone', CLOCK, ['string', 'any', 'string']),
  dateModify: refuse('dateModify', CLOCK, ['string', 'any']),
  now: refuse('now', CLOCK, []),
  htmlDate: refuse('htmlDate', CLOCK, ['any']),
  htmlDateInZone: refuse('htmlDateInZone', CLOCK, ['any', 'string']),
  ago: refuse('ago', CLOCK, ['any']),
  toDate: refuse('toDate', CLOCK, ['string', 'string']),
  unixEpoch: refuse('unixEpoch', CLOCK, ['any']),
  randAlphaNum: refuse('randAlphaNum', RANDOM, ['int']),
  randAlpha: refuse('randAlpha', RANDOM, ['int']),
  randAscii: refuse('randAscii', RANDOM, ['int']),
  randNumeric: refuse('randNumeric', RANDOM, ['int']),
  shuffle: refuse('shuffle', RANDOM, ['string']),
  uuidv4: refuse('uuidv4', RANDOM, []),
  genPrivateKey: refuse('genPrivateKey', RANDOM, ['string']),
  genCA: refuse('genCA', RANDOM, ['string', 'int']),
  genSelfSignedCert: refuse('genSelfSignedCert', RANDOM, ['string', 'slice', 'slice', 'int']),
  genSignedCert: refuse('genSignedCert', RANDOM, ['string', 'slice', 'slice', 'int', 'any']),
  encryptAES: refuse('encryptAES', RANDOM, ['string', 'string']),
  getHostByName: refuse('getHostByName', 'it needs the network', ['string']),
  semver: refuse('semver', NOT_IMPLEMENTED, ['string']),
  semverCompare: refuse('semverCompare', NOT_IMPLEMENTED, ['string', 'string']),
  derivePassword: refuse('derivePassword', NOT_IMPLEMENTED, ['uint32', 'string', 'string', 'string', 'string']),
  decryptAES: refuse('decryptAES', NOT_IMPLEMENTED, ['string', 'string']),
  buildCustomCert: refuse('buildCustomCert', NOT_IMPLEMENTED, ['string', 'string']),
};
