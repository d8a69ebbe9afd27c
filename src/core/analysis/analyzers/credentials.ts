/**
 * Credentials against the Secrets the design holds: a Gateway server's credentialName must name a
 * Secret in its gateway pods' namespace (IST0101) holding a current certificate (IST0161), as
 * istioctl's gateway/secret.go checks; a DestinationRule's, one in the namespace of the proxy that
 * originates TLS (istioctl does not check that one). Only where the design holds Secrets.
 */
import type { PathSegment } from '../../bundle';
import { serverCredentialProblem } from '../../istio/credentials';
import {
  gatewayPodNamespaces,
  gatewayProxyNamespaces,
  gatewaySelectsNoPod,
} from '../../istio/gateway-proxies';
import { derivedPer } from '../../istio/indexes';
import type { BundleModel, ModelEntry } from '../../istio/model';
import { record, records, str } from '../../istio/read';
import {
  destinationRulesOnLookupPath,
  destinationRuleTls,
  destinationsTo,
  findGateway,
  kubeSecret,
  kubeSecretsIn,
  kubeSecretsNamed,
} from '../../istio/visibility';
import type { Analyzer, AnalyzerReport } from '.';

/** Where a credential was looked for: the Secret, or what the design says about its absence. */
interface Lookup {
  namespace: string;
  name: string;
  secret: ModelEntry | undefined;
  /** Why the design evidently lacks it; undefined when it says nothing about that namespace. */
  missing: string | undefined;
}

/** Looks up `credential` (`name`, or `namespace/name`) for proxies in each of `namespaces`. */
function lookUp(model: BundleModel, credential: string, namespaces: readonly string[]): Lookup[] {
  const slash = credential.indexOf('/');
  const name = slash === -1 ? credential : credential.slice(slash + 1);
  const where = slash === -1 ? namespaces : [credential.slice(0, slash)];
  return where.map((namespace) => {
    const secret = kubeSecret(model, namespace, name);
    // Said once per Secret name and namespace: every Gateway naming it gets the same words.
    const missing = secret
      ? undefined
      : derivedPer(model, 'secret-missing', [name, namespace], () => {
          const elsewhere = kubeSecretsNamed(model, name).map((s) => s.namespace);
          const known = kubeSecretsIn(model, namespace).map((s) => s.name);
          if (elsewhere.length > 0)
            return `the design has it in ${elsewhere.join(', ')}, not in ${namespace}`;
          if (known.length > 0) return `${namespace} holds ${known.join(', ')}, not ${name}`;
          return undefined;
        });
    return { namespace, name, secret, missing };
  });
}

function reportMissing(
  entry: ModelEntry,
  code: string,
  path: PathSegment[],
  lookups: Lookup[],
  who: string,
  report: AnalyzerReport,
): void {
  const missing = lookups.filter((l) => l.missing);
  if (missing.length === 0) return;
  const namespaces = missing.map((l) => l.namespace).join(', ');
  report(
    entry,
    code,
    path,
    `Secret ${missing[0]!.name} is not in ${namespaces}, where ${who} run and read it from (${missing.map((l) => l.missing).join('; ')})`,
  );
}

const checkGatewayCredentials: Analyzer = (model, report) => {
  const now = Date.now();
  for (const gateway of model.gateways) {
    const named = records(gateway.spec['servers']).flatMap(([server, s]) => {
      const credential = str(record(server['tls'])?.['credentialName']);
      return credential ? [{ credential, s }] : [];
    });
    // Like istioctl, a Gateway that selects no pod gets that finding instead.
    if (named.length === 0 || gatewaySelectsNoPod(model, gateway)) continue;
    const namespaces = gatewayPodNamespaces(model, gateway);
    for (const { credential, s } of named) {
      const path: PathSegment[] = ['spec', 'servers', s, 'tls', 'credentialName'];
      const lookups = lookUp(model, credential, namespaces);
      reportMissing(gateway, 'REF-CREDENTIAL', path, lookups, 'the gateway pods of this Gateway', report);
      const invalid = lookups.flatMap(({ secret }) => {
        const problem = secret ? serverCredentialProblem(secret, now) : undefined;
        return problem ? [`${secret!.ref}: ${problem}`] : [];
      });
      if (invalid.length === 0) continue;
      report(
        gateway,
        'CREDENTIAL-INVALID',
        path,
        `the gateway cannot serve the certificate of ${invalid.join('; ')}, so TLS handshakes on this server fail`,
      );
    }
  }
};

/**
 * Where the proxies that originate TLS with a DestinationRule run: its own namespace when it has a
 * workloadSelector (the sidecars it selects); else the gateways that route to its host with it on
 * their lookup path (sidecars ignore credentialName without a selector: CREDENTIAL-IGNORED).
 */
function originatingNamespaces(model: BundleModel, dr: ModelEntry, host: string): readonly string[] {
  if (record(dr.spec['workloadSelector'])) return [dr.namespace];
  return gatewayOriginators(model, host).get(dr) ?? [];
}

/**
 * For each DestinationRule that gateways routing to `host` find on their lookup path, the
 * namespaces those gateways run in (sorted): once per host, for all the rules of that host.
 */
function gatewayOriginators(model: BundleModel, host: string): ReadonlyMap<ModelEntry, readonly string[]> {
  return derivedPer(model, 'dr-originators', [host], () => {
    const found = new Map<ModelEntry, Set<string>>();
    const asked = new Set<string>();
    for (const { rule, destination } of destinationsTo(model, host)) {
      for (const ref of rule.gateways) {
        if (ref === 'mesh') continue;
        const gateway = findGateway(model, ref);
        const where = gateway ? gatewayPodNamespaces(model, gateway) : gatewayProxyNamespaces(model, ref);
        for (const ns of where) {
          // Each destination host and namespace once: routes of copies ask alike.
          const question = JSON.stringify([destination.host, ns]);
          if (asked.has(question)) continue;
          asked.add(question);
          for (const onPath of destinationRulesOnLookupPath(model, destination.host, ns)) {
            const namespaces = found.get(onPath);
            if (namespaces) namespaces.add(ns);
            else found.set(onPath, new Set([ns]));
          }
        }
      }
    }
    return new Map([...found].map(([entry, namespaces]) => [entry, [...namespaces].sort()]));
  });
}

const checkDestinationRuleCredentials: Analyzer = (model, report) => {
  for (const dr of model.destinationRules) {
    const host = str(dr.spec['host']);
    if (!host) continue;
    let namespaces: readonly string[] | undefined;
    for (const { tls, path } of destinationRuleTls(dr)) {
      const credential = str(tls['credentialName']);
      if (!credential || credential.startsWith('configmap://')) continue;
      namespaces ??= originatingNamespaces(model, dr, host);
      const who = record(dr.spec['workloadSelector'])
        ? 'the workloads this rule selects'
        : 'the gateway pods that apply this rule';
      reportMissing(
        dr,
        'DR-CREDENTIAL-MISSING',
        [...path, 'credentialName'],
        lookUp(model, credential, namespaces),
        who,
        report,
      );
    }
  }
};

/** Credentials named by Gateways and DestinationRules, against the design's Secrets. */
export const credentialAnalyzers: Analyzer[] = [checkGatewayCredentials, checkDestinationRuleCredentials];
