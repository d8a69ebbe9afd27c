/**
 * Which client namespaces an external host's part of the graph has anything to draw for. Drawing
 * the host for every client namespace would cost hosts × namespaces, the square of a design with
 * one namespace and one host per team; the exportTo of the resources that name the host says
 * which namespaces can see it, and only those (and, for a host they cannot see, the namespaces
 * whose policy blocks it) are drawn.
 */
import { isNamespaceRelative } from '../istio/hosts';
import { ROOT_NAMESPACE } from '../istio/kinds';
import { modeAllowsUnknown } from '../istio/mesh';
import type { BundleModel } from '../istio/model';
import type { IstioVersion } from '../istio/releases';
import {
  exportAudience,
  isMeshBound,
  serviceEntriesForHost,
  virtualServicesForHost,
} from '../istio/visibility';
import { ANY_NAMESPACE } from './connect';

/** The client namespaces of one graph derivation, to pick those a host is drawn for. */
export class HostAudience {
  private readonly positions = new Map<string, number>();
  private readonly everyone: readonly number[];
  /** Clients whose outbound policy blocks hosts they do not see: a hidden host is drawn blocked there. */
  private readonly blocking: number[] = [];

  /** `modes[i]` is the outbound mode of `namespaces[i]`. */
  constructor(namespaces: readonly string[], modes: readonly string[], release: IstioVersion) {
    namespaces.forEach((namespace, i) => {
      this.positions.set(namespace, i);
      if (!modeAllowsUnknown(modes[i]!, release) && namespace !== ANY_NAMESPACE) this.blocking.push(i);
    });
    this.everyone = namespaces.map((_, i) => i);
  }

  /**
   * The clients (positions, in order) that `connectHost` may draw something for: those a
   * ServiceEntry or a mesh VirtualService of the host is exported to, and, when a ServiceEntry
   * defines the host, those that block it. A superset: for the others it would draw nothing.
   */
  of(model: BundleModel, host: string): readonly number[] {
    // A short in-cluster name means another host in each namespace: every client asks its own.
    if (isNamespaceRelative(host)) return this.everyone;
    const picked = new Set<number>();
    const exportedTo = (audience: '*' | string[]) => {
      if (audience === '*') return true;
      for (const namespace of audience) {
        const at = this.positions.get(namespace);
        if (at !== undefined) picked.add(at);
      }
      return false;
    };
    const defined = serviceEntriesForHost(model, host);
    for (const m of defined) if (exportedTo(exportAudience(m.entry))) return this.everyone;
    for (const vs of virtualServicesForHost(model, host, ROOT_NAMESPACE)) {
      if (isMeshBound(vs) && exportedTo(exportAudience(vs))) return this.everyone;
    }
    if (defined.length > 0) for (const at of this.blocking) picked.add(at);
    return [...picked].sort((a, b) => a - b);
  }
}
