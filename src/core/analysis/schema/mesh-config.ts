import { isRecord, type PathSegment } from '../../bundle';
import { structure } from '../../istio/generated/structure';
import type { MeshConfigSource } from '../../istio/mesh';
import { releaseGap, type IstioVersion } from '../../istio/releases';
import type { ReleaseSpan } from '../../istio/structure-types';
import { didYouMean } from './did-you-mean';
import type { SchemaReport } from './walk';

/**
 * Checks the parts of MeshConfig an egress design depends on, against the `target` release's
 * MeshConfig: unknown top-level fields (with a did-you-mean), fields and modes that release does
 * not have yet, and `outboundTrafficPolicy`. Findings inside the ConfigMap's embedded text point
 * at `data.mesh`, since that text has no ranges of its own.
 */
export function checkMeshConfig(source: MeshConfigSource, report: SchemaReport, target: IstioVersion): void {
  const at = (...path: PathSegment[]) => (source.embeddedText ? source.path : [...source.path, ...path]);
  const where = source.embeddedText ? 'data.mesh: ' : '';
  const checkNames = (value: Record<string, unknown>, known: Record<string, ReleaseSpan>, prefix: string) => {
    const here = Object.keys(known).filter((name) => !releaseGap(known[name], target));
    for (const key of Object.keys(value)) {
      const path = prefix ? [prefix, key] : [key];
      const dotted = path.join('.');
      const gap = Object.hasOwn(known, key) ? releaseGap(known[key], target) : undefined;
      if (gap) {
        report('SCHEMA-RELEASE', at(...path), `${where}MeshConfig field "${dotted}" ${gap}`, {
          target: 'key',
        });
      } else if (!Object.hasOwn(known, key)) {
        const suggestion = didYouMean(key, here);
        const hint = suggestion ? ` (did you mean "${suggestion}"?)` : '';
        const what = prefix ? `field "${dotted}"` : `MeshConfig field "${key}"`;
        report('SCHEMA-UNKNOWN-FIELD', at(...path), `${where}unknown ${what}${hint}`, { target: 'key' });
      }
    }
  };
  checkNames(source.config, structure.mesh.fields, '');
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
  checkNames(policy, structure.mesh.outboundTrafficPolicy, 'outboundTrafficPolicy');
  const mode = policy['mode'];
  if (mode === undefined) return;
  const modes = structure.mesh.modes;
  const gap =
    typeof mode === 'string' && Object.hasOwn(modes, mode) ? releaseGap(modes[mode], target) : undefined;
  if (gap) {
    report(
      'SCHEMA-RELEASE',
      at('outboundTrafficPolicy', 'mode'),
      `${where}outboundTrafficPolicy.mode: value "${mode}" ${gap}`,
    );
  } else if (typeof mode !== 'string' || !Object.hasOwn(modes, mode)) {
    const supported = Object.keys(modes)
      .filter((m) => !releaseGap(modes[m], target))
      .map((m) => `"${m}"`)
      .join(', ');
    report(
      'GEN-02',
      at('outboundTrafficPolicy', 'mode'),
      `${where}Unsupported value: "${String(mode)}": supported values: ${supported}`,
    );
  }
}
