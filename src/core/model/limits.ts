import { DEFAULT_YAML_LIMITS, YamlLimits } from './yaml-documents';

/** What the loader accepts at most; past these, input is refused with a clear error (README "Reliability"). */
export interface LoadLimits extends YamlLimits {
  /** Largest YAML file, in bytes. */
  readonly maxFileBytes: number;
  /** Most documents in one file. */
  readonly maxDocumentsPerFile: number;
  /** Most YAML files in one branch. */
  readonly maxFilesPerBranch: number;
}

export const DEFAULT_LOAD_LIMITS: LoadLimits = {
  ...DEFAULT_YAML_LIMITS,
  maxFileBytes: 16 * 1024 * 1024,
  maxDocumentsPerFile: 10_000,
  maxFilesPerBranch: 100_000,
};
