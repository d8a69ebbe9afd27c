/** What we say about one field, beyond its structure. */
export interface FieldDoc {
  /** One line, in our own words, for form help and hover. */
  help: string;
  /** Istio release that introduced the field, when newer than 1.5 (e.g. '1.17'). */
  since?: string;
  /** The value Istio uses when the field is omitted (as YAML would write it). */
  default?: string | number | boolean;
  /** Value format checked by the validator. */
  format?:
    | 'duration'
    | 'duration-or-zero'
    | 'port'
    | 'hostname'
    | 'ip-or-cidr'
    | 'dns1123-label'
    | 'double'
    | 'int32'
    | 'uint32';
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  maxLength?: number;
  maxProperties?: number;
  /** Marks fields Istio deprecates; the text says what to use instead. */
  deprecated?: string;
}

/** Keyed by a dotted field path suffix with list markers removed, relative to spec: 'ports.targetPort', 'tls.mode'. */
export type FieldDocTable = Record<string, FieldDoc>;
