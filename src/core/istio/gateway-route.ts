/**
 * Sending an external service's traffic through the egress gateway, as a change that works on the
 * design it is made in: the Gateway, the gateway's DestinationRule subset and a two-hop
 * VirtualService are added; a VirtualService a client namespace already applies to the host is
 * pointed at the gateway (sidecars take one VirtualService per host, so a new one would never
 * apply there); and a ServiceEntry the gateway's namespace cannot see is exported to it.
 * {@link planDirectRoute} is the way back.
 */
import { objectName, resourceKey, type Bundle, type FieldEdit, type PathSegment } from '../bundle';
import { createEgressGatewayRoute, nameForHost, type KubernetesObject } from './factories';
import { EGRESS_GATEWAY_HOST, ROOT_NAMESPACE } from './kinds';
import { buildModel, type BundleModel, type ModelEntry } from './model';
import { strings } from './read';
import type { RouteDestination } from './routes';
import {
  isMeshBound,
  isVisibleTo,
  rulesOf,
  serviceEntriesForHost,
  virtualServicesForHost,
} from './visibility';

/** What to route through the egress gateway: an external host and the port clients call. */
export interface GatewayRouteTarget {
  host: string;
  protocol: 'HTTP' | 'TLS';
  port: number;
}

/** One field edit of an existing resource, by its id in the bundle. */
export interface ResourceEdit {
  resourceId: string;
  edit: FieldEdit;
}

/** A change to a design: field edits of its resources, then removals (by id), then new objects appended. */
export interface DesignChange {
  edits: ResourceEdit[];
  removals?: string[];
  objects: KubernetesObject[];
}

/** The change that routes `target` through the egress gateway in `bundle` (see the module comment). */
export function planEgressGatewayRoute(bundle: Bundle, target: GatewayRouteTarget): DesignChange {
  const objects = createEgressGatewayRoute(target);
  const subset = nameForHost(target.host);
  const model = buildModel(bundle);
  const idOf = new Map(model.entries.map((entry, i) => [entry, model.resources[i]!.id]));
  const edits: ResourceEdit[] = [];
  for (const match of serviceEntriesForHost(model, target.host)) {
    const exportTo = strings(match.entry.spec['exportTo']).map(([e]) => e);
    if (exportTo.length === 0 || isVisibleTo(match.entry, ROOT_NAMESPACE)) continue;
    edits.push({
      resourceId: idOf.get(match.entry)!,
      edit: { kind: 'insert', path: ['spec', 'exportTo'], index: exportTo.length, value: ROOT_NAMESPACE },
    });
  }
  const toGateway = { host: EGRESS_GATEWAY_HOST, subset, port: { number: target.port } };
  for (const { vs, destination } of clientDestinations(model, target)) {
    if (destination.host.toLowerCase() !== target.host.toLowerCase()) continue;
    if (destination.port !== undefined && destination.port !== target.port) continue;
    edits.push({
      resourceId: idOf.get(vs)!,
      edit: { kind: 'set', path: destination.path as PathSegment[], value: toGateway },
    });
  }
  return { edits, objects };
}

/**
 * The change that undoes {@link planEgressGatewayRoute} for `target`: its Gateway, gateway
 * DestinationRule and two-hop VirtualService are removed, the clients' routes to the gateway's
 * subset for the host go to the host again, and the root namespace, when it ends an exportTo
 * list of the host's ServiceEntries (where the route put it), is taken out again. Empty when the
 * design has no such route.
 */
export function planDirectRoute(bundle: Bundle, target: GatewayRouteTarget): DesignChange {
  const removals = gatewayRouteResources(bundle, target);
  if (removals.length === 0) return { edits: [], objects: [] };
  const subset = nameForHost(target.host);
  const model = buildModel(bundle);
  const idOf = new Map(model.entries.map((entry, i) => [entry, model.resources[i]!.id]));
  const edits: ResourceEdit[] = [];
  const toHost = { host: target.host, port: { number: target.port } };
  for (const { vs, destination } of clientDestinations(model, target)) {
    if (destination.host.toLowerCase() !== EGRESS_GATEWAY_HOST || destination.subset !== subset) continue;
    edits.push({
      resourceId: idOf.get(vs)!,
      edit: { kind: 'set', path: destination.path as PathSegment[], value: toHost },
    });
  }
  for (const match of serviceEntriesForHost(model, target.host)) {
    const exportTo = strings(match.entry.spec['exportTo']).map(([e]) => e);
    if (exportTo.length < 2 || exportTo.at(-1) !== ROOT_NAMESPACE) continue;
    edits.push({
      resourceId: idOf.get(match.entry)!,
      edit: { kind: 'delete', path: ['spec', 'exportTo', exportTo.length - 1] },
    });
  }
  return { edits, removals, objects: [] };
}

/**
 * The ids of the resources {@link planEgressGatewayRoute} adds for `target` that the design has:
 * none when it has no such route to undo. A scan of the resource keys, without the model, so a
 * view may ask on every edit.
 */
export function gatewayRouteResources(bundle: Bundle, target: GatewayRouteTarget): string[] {
  const added = new Set(createEgressGatewayRoute(target).map((o) => resourceKey(objectName(o))));
  return bundle.resources.filter((r) => added.has(r.key)).map((r) => r.id);
}

/**
 * The route destinations, in client namespaces' mesh VirtualServices for the host, that traffic to
 * `target`'s port takes from a sidecar (mirrors aside): those the gateway route redirects.
 */
function clientDestinations(
  model: BundleModel,
  target: GatewayRouteTarget,
): { vs: ModelEntry; destination: RouteDestination }[] {
  const found: { vs: ModelEntry; destination: RouteDestination }[] = [];
  for (const vs of virtualServicesForHost(model, target.host, ROOT_NAMESPACE)) {
    if (!isMeshBound(vs) || vs.namespace === ROOT_NAMESPACE) continue;
    for (const rule of rulesOf(vs)) {
      const here = rule.matches.some(
        (m) => m.gateways.includes('mesh') && (m.port === undefined || m.port === target.port),
      );
      if (!here) continue;
      for (const destination of rule.destinations) {
        if (!destination.mirror) found.push({ vs, destination });
      }
    }
  }
  return found;
}
