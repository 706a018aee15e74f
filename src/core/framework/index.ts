// The framework engine's public API: frameworks as data, the verdicts they give, the exposure
// those verdicts spread along dependencies, and the difference between two frameworks.
export type { Framework, FrameworkRule } from './types';
export { parseFramework, frameworkIdTaken, MAX_FRAMEWORK_BYTES } from './parseFramework';
export { evaluate } from './evaluate';
export {
  DEFAULT_NEAREST,
  exposureOf,
  type ExposureSummary,
  type ProtocolExposure,
} from './exposure';
export { compareFrameworks, type ComparedProtocol, type FrameworkComparison } from './compare';
export { builtinFrameworks, DEFAULT_FRAMEWORK_ID } from './builtin';
