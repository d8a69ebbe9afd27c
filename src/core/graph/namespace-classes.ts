/**
 * One external host's sidecar edges for many client namespaces, drawn once per class of namespaces
 * that the host's configuration cannot tell apart. A design with one namespace per team and a
 * host exported everywhere asks every namespace's sidecar about every host: namespaces × hosts
 * drawings, nearly all alike. A namespace's drawing depends on it only through its outbound mode,
 * its own Sidecars, and the entries its lookups read that live in it or name it in their exportTo
 * (istio/mentions.ts). So once a namespace is drawn, with what it read, another with the same mode
 * and the same Sidecars that none of those entries mentions draws the same edges from its own
 * sidecar: they are copied, not drawn again. The result equals drawing each namespace (the
 * equivalence is a property test over Istio's data and generated designs).
 */
import { derivedPer } from '../istio/indexes';
import { mentionsOf } from '../istio/mentions';
import type { BundleModel } from '../istio/model';
import { trackReads } from '../istio/reads';
import type { IstioVersion } from '../istio/releases';
import { isNamespaceRelative } from '../istio/hosts';
import { sidecarsIn } from '../istio/visibility';
import type { GraphRecording } from './builder';
import { ANY_NAMESPACE, connectHost } from './connect';

/** A namespace drawn for a host, whose edges others of its class take. */
interface Drawn {
  sidecar: string;
  /** Its steps in the host's recording. */
  from: number;
  to: number;
  /** Namespaces the drawing may depend on, besides through the class: no other member may be one. */
  mentioned: ReadonlySet<string>;
  sidecarsRead: ReadonlySet<string>;
}

/**
 * Records into `part` what the sidecars of `clients` (positions in `namespaces`, with `modes`)
 * do with traffic for `host`, as {@link connectHost} draws it for each of them. With `share` off,
 * each namespace is drawn on its own (what the equivalence tests compare against).
 */
export function connectHostFor(
  model: BundleModel,
  part: GraphRecording,
  host: string,
  clients: readonly number[],
  namespaces: readonly string[],
  modes: readonly string[],
  release: IstioVersion,
  share = true,
): void {
  // A short in-cluster name is another host in each namespace: nothing to share.
  const shareable = share && !isNamespaceRelative(host);
  // By mode, then by Sidecars as written (the same string each time: no key is built per namespace).
  const drawn = new Map<string, Map<string, Drawn>>();
  for (const i of clients) {
    const namespace = namespaces[i]!;
    const mode = modes[i]!;
    const sidecar = `sidecar:${namespace}`;
    if (!shareable || namespace === ANY_NAMESPACE) {
      connectHost(model, part, namespace, host, mode, release);
      continue;
    }
    let byMode = drawn.get(mode);
    if (!byMode) drawn.set(mode, (byMode = new Map()));
    const key = sidecarsKey(model, namespace);
    const like = byMode.get(key);
    if (like && !like.mentioned.has(namespace) && !like.sidecarsRead.has(namespace)) {
      part.repeat(like.from, like.to, like.sidecar, sidecar);
      continue;
    }
    const from = part.length;
    const { reads } = trackReads(() => connectHost(model, part, namespace, host, mode, release));
    if (like) continue;
    const mentions = mentionsOf(model, reads);
    // A namespace its own drawing mentions cannot stand for the others.
    if (mentions.resources.has(namespace)) continue;
    byMode.set(key, {
      sidecar,
      from,
      to: part.length,
      mentioned: mentions.resources,
      sidecarsRead: mentions.sidecars,
    });
  }
}

/** The Sidecars of a namespace as written (names and specs): equal for namespaces whose sidecars are configured alike. */
function sidecarsKey(model: BundleModel, namespace: string): string {
  return derivedPer(model, 'sidecars-written', [namespace], () =>
    JSON.stringify(sidecarsIn(model, namespace).map((s) => [s.name, s.spec])),
  );
}
