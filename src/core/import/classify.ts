import { isRecord, resourceRef } from '../bundle';
import { isNetworkingKind, NETWORKING_GROUP } from '../istio/kinds';
import { findMeshConfig } from '../istio/mesh';

/** The identity of an object as the bundle will see it. */
export interface ObjectIdentity {
  apiVersion: string;
  kind: string;
  name: string;
  ref: string;
  /** True when the object lacks apiVersion or kind, so it is not a Kubernetes object. */
  untyped: boolean;
  /** True for an egress-related object (see {@link identify}). */
  egress: boolean;
}

/**
 * Names an object and says whether it is egress-related: any `networking.istio.io` kind (and the
 * modelled kinds under any apiVersion, so a wrong version still counts), a Namespace, an
 * IstioOperator, and anything that carries mesh config as the model reads it (the `istio`
 * ConfigMap, Helm values or a bare MeshConfig document).
 */
export function identify(object: Record<string, unknown>): ObjectIdentity {
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
  const kind = typeof object['kind'] === 'string' ? object['kind'] : '';
  const metadata = isRecord(object['metadata']) ? object['metadata'] : {};
  const name = typeof metadata['name'] === 'string' ? metadata['name'] : '';
  const ns = metadata['namespace'];
  const namespace = typeof ns === 'string' && ns !== '' ? ns : undefined;
  const egress =
    isNetworkingKind(kind) ||
    apiVersion.split('/')[0] === NETWORKING_GROUP ||
    kind === 'Namespace' ||
    kind === 'IstioOperator' ||
    findMeshConfig({ kind, name, value: object }) !== undefined;
  return {
    apiVersion,
    kind,
    name,
    ref: resourceRef({ kind, namespace, name }),
    untyped: apiVersion === '' || kind === '',
    egress,
  };
}
