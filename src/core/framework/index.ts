// The framework engine's public API: frameworks as data, the verdicts they give, the exposure
// those verdicts spread along dependencies, and the difference between two frameworks.
export type { Framework, FrameworkMatch, FrameworkOutlook, FrameworkRule, FrameworkSource } from './types';
export { HORIZONS, STRENGTHS } from './types';
export { parseFramework, frameworkIdTaken, MAX_FRAMEWORK_BYTES, type FrameworkParseResult } from './parseFramework';
export { evaluate, type EvaluationSubject, type ResearcherOverride } from './evaluate';
export {
  DEFAULT_NEAREST,
  exposureOf,
  exposureSummary,
  exposureTable,
  summaryOf,
  type ExposureSummary,
  type ExposureTable,
  type ProtocolExposure,
  type VerdictLookup,
} from './exposure';
export { exposureSentence, exposureShort, routeText } from './exposureText';
export { compareFrameworks, type ComparedProtocol, type FrameworkComparison, type VerdictChange } from './compare';
export { BUILTIN_FRAMEWORKS, DEFAULT_FRAMEWORK_ID } from './builtin';
