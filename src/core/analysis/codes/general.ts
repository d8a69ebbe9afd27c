import type { CodeInfo } from '../types';

/**
 * Codes for YAML syntax, the Kubernetes schema, exportTo and cross-kind decoding rules, and the
 * engine's own failure.
 */
export const generalCodes: CodeInfo[] = [
  {
    code: 'YAML-SYNTAX',
    title: 'YAML does not parse',
    severity: 'error',
    layer: 'yaml',
    explanation: 'kubectl cannot read this document, so nothing in it reaches the cluster.',
    fix: 'Fix the YAML at the marked position (indentation, an unclosed bracket or quote, a duplicate key).',
  },
  {
    code: 'YAML-NOT-OBJECT',
    title: 'Document is not a Kubernetes object',
    severity: 'error',
    layer: 'yaml',
    explanation: 'Each document must be a mapping with apiVersion, kind and metadata.',
    fix: 'Turn the document into a mapping, or remove it.',
  },
  {
    code: 'SCHEMA-KIND',
    title: 'Missing or unknown apiVersion or kind',
    severity: 'error',
    layer: 'schema',
    explanation:
      'The API server needs apiVersion and kind to know what the object is; a version that does not serve the kind is refused.',
    fix: 'Set apiVersion (for example networking.istio.io/v1) and kind.',
  },
  {
    code: 'SCHEMA-UNKNOWN-FIELD',
    title: 'Unknown field',
    severity: 'error',
    layer: 'schema',
    explanation:
      "kubectl's strict field validation (the default) refuses fields the CRD does not define; without it they are dropped silently.",
    fix: 'Correct the spelling or move the field to where it belongs.',
  },
  {
    code: 'SCHEMA-RELEASE',
    title: 'Not in the targeted Istio release',
    severity: 'error',
    layer: 'schema',
    explanation:
      "The design targets an Istio release whose CRDs do not have this field, value or API version yet (or no longer): that release's API server refuses it, even though newer releases accept it.",
    fix: 'Remove it, or target an Istio release that has it (the message names the release that added it).',
  },
  {
    code: 'SCHEMA-TYPE',
    title: 'Wrong value type',
    severity: 'error',
    layer: 'schema',
    explanation: 'The CRD schema fixes the type of each field; a value of another type is refused.',
    fix: 'Write the value with the type the field expects.',
  },
  {
    code: 'SCHEMA-REQUIRED',
    title: 'Required field missing',
    severity: 'error',
    layer: 'schema',
    explanation: 'The CRD schema marks this field as required.',
    fix: 'Add the field.',
  },
  {
    code: 'SCHEMA-LIMIT',
    title: 'Value out of range',
    severity: 'error',
    layer: 'schema',
    explanation: 'The schema limits this value (number range, list size, string length).',
    fix: 'Bring the value within the stated limit.',
  },
  {
    code: 'SCHEMA-NAME',
    title: 'Invalid object name or namespace',
    severity: 'error',
    layer: 'schema',
    explanation: 'Object names must be lower-case DNS subdomains and namespaces lower-case DNS labels.',
    fix: "Use lower-case letters, digits, '-' (and '.' in names), starting and ending with a letter or digit.",
  },
  {
    code: 'SCHEMA-METADATA',
    title: 'Invalid label or annotation',
    severity: 'error',
    layer: 'schema',
    explanation: 'Label keys and values, and annotation keys, follow Kubernetes naming rules.',
    fix: 'Rename the key or value so it follows the rule in the message.',
  },
  {
    code: 'DUPLICATE-RESOURCE',
    title: 'Same object defined twice',
    severity: 'error',
    layer: 'schema',
    explanation:
      'Two documents define one object: the same API group, kind, namespace and name (cluster-scoped kinds have no namespace). kubectl create refuses the second as AlreadyExists; kubectl apply applies both, so the second silently replaces the first.',
    fix: 'Remove one of the two, merge them, or give the second another name or namespace.',
  },
  {
    code: 'GEN-01',
    title: 'Invalid duration',
    severity: 'error',
    layer: 'webhook',
    explanation:
      'Durations use Go syntax such as 5s, 1.5s, 100ms or 1m30s; spaces, words and days are refused.',
    fix: 'Write the duration like 5s or 500ms.',
  },
  {
    code: 'GEN-02',
    title: 'Unsupported enum value',
    severity: 'error',
    layer: 'schema',
    explanation: 'Enum fields take only the listed names, in upper case.',
    fix: 'Pick one of the supported values.',
  },
  {
    code: 'GEN-03',
    title: 'Unsupported annotation',
    severity: 'error',
    layer: 'webhook',
    explanation:
      'istio.io/dry-run only applies to AuthorizationPolicy, and internal.istio.io annotations are reserved.',
    fix: 'Remove the annotation.',
  },
  {
    code: 'EX-01',
    title: 'Invalid exportTo entry',
    severity: 'error',
    layer: 'webhook',
    explanation: 'An exportTo entry is ".", "*", "~" (ServiceEntry only) or a namespace name.',
    fix: 'Use ".", "*" or a valid namespace name.',
  },
  {
    code: 'EX-02',
    title: 'exportTo "~" outside a ServiceEntry',
    severity: 'error',
    layer: 'webhook',
    explanation: 'Only a ServiceEntry can be hidden from every namespace with "~".',
    fix: 'Use "." to keep the resource in its own namespace.',
  },
  {
    code: 'EX-03',
    title: 'exportTo mixes "*" with other entries',
    severity: 'error',
    layer: 'webhook',
    explanation: '"*" already exports to every namespace and cannot be combined.',
    fix: 'Keep only "*", or list the namespaces.',
  },
  {
    code: 'EX-04',
    title: 'exportTo mixes "~" with other entries',
    severity: 'error',
    layer: 'webhook',
    explanation: '"~" hides the ServiceEntry from everyone and cannot be combined.',
    fix: 'Keep only "~", or list the namespaces.',
  },
  {
    code: 'EX-05',
    title: 'Duplicate exportTo entry',
    severity: 'error',
    layer: 'webhook',
    explanation: 'Each namespace may appear once; "." and the own namespace name count as the same.',
    fix: 'Remove the repeated entry.',
  },
  {
    code: 'EX-06',
    title: 'DestinationRule with workloadSelector exported too widely',
    severity: 'error',
    layer: 'webhook',
    explanation: 'A DestinationRule that selects workloads applies only in its own namespace.',
    fix: 'Use exportTo: ["."] or remove exportTo.',
  },
  {
    code: 'INTERNAL-ERROR',
    title: 'Internal failure while checking',
    severity: 'error',
    layer: 'engine',
    explanation:
      'Egress Studio failed while checking this design: a bug in the tool, not a problem of the YAML. The problems and the graph shown may be incomplete, so the design cannot be called valid.',
    fix: 'Report the bug with the YAML that caused it (the message names the failure). Editing the design re-checks it.',
  },
];
