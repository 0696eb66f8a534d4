import { FieldPath, fieldPathKey } from './field-path';
import { SourceLocation } from './problems';

/** One YAML document of the control plane, with where it and each of its fields were written. */
export interface SourcedDocument {
  /** File path relative to the control-plane root, starting with the branch: `dev/cluster-types/drone.yaml`. */
  readonly file: string;
  /** The branch (or folder of branches' subfolder) the file was read from. */
  readonly branch: string;
  /** Position of the document in its file, 0-based. */
  readonly index: number;
  /** The parsed document. */
  readonly value: unknown;
  /** Where the document starts. */
  readonly location: SourceLocation;
  /** Positions of fields, keyed by `fieldPathKey`; a field's position is where its key is written. */
  readonly fieldLocations: ReadonlyMap<string, SourceLocation>;
}

/** Where a field of the document was written, falling back to its nearest written parent, then the document. */
export function locateField(document: SourcedDocument, path: FieldPath): SourceLocation {
  for (let length = path.length; length > 0; length--) {
    const location = document.fieldLocations.get(fieldPathKey(path.slice(0, length)));
    if (location) return location;
  }
  return document.location;
}
