import { objectName, resourceRef } from '../bundle';
import { isModelled, NETWORKING_GROUP } from '../istio/kinds';

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
 * Names an object and says whether it is egress-related: an object the product models (an Istio
 * networking kind, a Namespace, an IstioOperator or anything else that carries mesh config as the
 * model reads it: the `istio` ConfigMap, Helm values, a bare MeshConfig document), or any other
 * `networking.istio.io` kind. Kinds are told apart by API group: a Gateway API Gateway is not one.
 */
export function identify(object: Record<string, unknown>): ObjectIdentity {
  const apiVersion = typeof object['apiVersion'] === 'string' ? object['apiVersion'] : '';
  const named = objectName(object);
  const { group, kind, name } = named;
  const egress = isModelled({ group, kind, name, value: object }) || group === NETWORKING_GROUP;
  return {
    apiVersion,
    kind,
    name,
    ref: resourceRef(named),
    untyped: apiVersion === '' || kind === '',
    egress,
  };
}
