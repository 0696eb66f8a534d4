import * as a from "./imports/argoproj.io"; import * as f from "./imports/source.toolkit.fluxcd.io"; console.log(!!a, !!f);
