/**
 * What we say about one field, beyond its structure: the generated table (from the CRDs) holds its
 * type, enum, required-ness, size limits and the releases that have it; this holds what the CRDs
 * cannot say (help, defaults, value formats Istio's webhook checks, deprecations).
 */
export interface FieldDoc {
  /** One line, in our own words, for form help and hover. */
  help: string;
  /** The value Istio uses when the field is omitted (as YAML would write it). */
  default?: string | number | boolean;
  /** Value format checked by the validator. */
  format?:
    | 'duration'
    | 'duration-or-zero'
    | 'duration-syntax'
    | 'port'
    | 'hostname'
    | 'ip-or-cidr'
    | 'dns1123-label'
    | 'double'
    | 'int32'
    | 'uint32';
  minimum?: number;
  maximum?: number;
  /** Size limits the CRDs do not set (MeshConfig, ObjectMeta, webhook-only limits). */
  maxItems?: number;
  maxLength?: number;
  maxProperties?: number;
  /** Marks fields Istio deprecates; the text says what to use instead. */
  deprecated?: string;
}

/** Keyed by a dotted field path suffix with list markers removed, relative to spec: 'ports.targetPort', 'tls.mode'. */
export type FieldDocTable = Record<string, FieldDoc>;
