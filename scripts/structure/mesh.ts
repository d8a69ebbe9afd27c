/**
 * MeshConfig across releases, from istio/api's `mesh/v1alpha1/config.proto` (MeshConfig is read
 * by istiod, not served as a CRD): its top-level fields, the fields of its outbound traffic policy
 * and that policy's modes, each with the releases that have it.
 */
import type { MeshStructure, ReleaseSpan } from '../../src/core/istio/structure-types';
import { spanOf } from './merge';
import { readProto } from './proto';

/** Per release (oldest first), the text of its `mesh/v1alpha1/config.proto`. */
export type ReleaseProtos = { release: string; proto: string }[];

/** The MeshConfig facts of every release, merged. */
export function mergeMesh(releases: ReleaseProtos): MeshStructure {
  const names = releases.map((r) => r.release);
  const read = releases.map(({ release, proto }) => {
    const mesh = readProto(proto).get('MeshConfig');
    const policy = mesh?.messages.get('OutboundTrafficPolicy');
    const modes = policy?.enums.get('Mode');
    if (!mesh || !policy || !modes) throw new Error(`${release}: no MeshConfig.OutboundTrafficPolicy.Mode`);
    return { mesh, policy, modes };
  });
  return {
    fields: spans(
      read.map((r) => r.mesh.fields),
      names,
      'MeshConfig',
    ),
    outboundTrafficPolicy: spans(
      read.map((r) => r.policy.fields),
      names,
      'MeshConfig.outboundTrafficPolicy',
    ),
    modes: spans(
      read.map((r) => r.modes),
      names,
      'MeshConfig.outboundTrafficPolicy.mode',
    ),
  };
}

/** Each name's span, in the newest release's order, then names later releases dropped. */
function spans(lists: string[][], releases: string[], where: string): Record<string, ReleaseSpan> {
  const all = [...new Set([...lists].reverse().flat())];
  return Object.fromEntries(
    all.map((name) => [
      name,
      spanOf(
        lists.map((list) => list.includes(name)),
        releases,
        `${where}.${name}`,
      ),
    ]),
  );
}
