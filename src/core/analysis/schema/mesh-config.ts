import { isRecord } from '../../bundle';
import { meshConfigFieldNames } from '../../istio/docs';
import { OUTBOUND_MODES, type MeshConfigSource } from '../../istio/mesh';
import { didYouMean } from './did-you-mean';
import type { SchemaReport } from './walk';

const POLICY_FIELDS = ['mode', 'egressProxy', 'tls'];

/**
 * Checks the parts of MeshConfig an egress design depends on: unknown top-level fields (with a
 * did-you-mean) and `outboundTrafficPolicy`. Findings inside the ConfigMap's embedded text point at
 * `data.mesh`, since that text has no ranges of its own.
 */
export function checkMeshConfig(source: MeshConfigSource, report: SchemaReport): void {
  const at = (...path: (string | number)[]) =>
    source.embeddedText ? source.path : [...source.path, ...path];
  const where = source.embeddedText ? 'data.mesh: ' : '';
  for (const key of Object.keys(source.config)) {
    if (!meshConfigFieldNames.includes(key)) {
      const suggestion = didYouMean(key, meshConfigFieldNames);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      report('SCHEMA-UNKNOWN-FIELD', at(key), `${where}unknown MeshConfig field "${key}"${hint}`, {
        target: 'key',
      });
    }
  }
  const policy = source.config['outboundTrafficPolicy'];
  if (policy === undefined || policy === null) return;
  if (!isRecord(policy)) {
    report(
      'SCHEMA-TYPE',
      at('outboundTrafficPolicy'),
      `${where}outboundTrafficPolicy must be of type object`,
    );
    return;
  }
  for (const key of Object.keys(policy)) {
    if (!POLICY_FIELDS.includes(key)) {
      const suggestion = didYouMean(key, POLICY_FIELDS);
      const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
      report(
        'SCHEMA-UNKNOWN-FIELD',
        at('outboundTrafficPolicy', key),
        `${where}unknown field "outboundTrafficPolicy.${key}"${hint}`,
        {
          target: 'key',
        },
      );
    }
  }
  const mode = policy['mode'];
  if (mode !== undefined && !(OUTBOUND_MODES as readonly unknown[]).includes(mode)) {
    const supported = OUTBOUND_MODES.map((m) => `"${m}"`).join(', ');
    report(
      'GEN-02',
      at('outboundTrafficPolicy', 'mode'),
      `${where}Unsupported value: "${String(mode)}": supported values: ${supported}`,
    );
  }
}
