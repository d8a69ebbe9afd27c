/**
 * Reference and conflict analyzers (ISTIO.md §3: IST0101, IST0109, IST0112, IST0128/0129, IST0132,
 * IST0145, IST0174, IST0177). Each is one pass over the bundle with host-keyed maps.
 */
import type { PathSegment } from '../../bundle';
import { servicePortNumbers } from '../../istio/kube';
import type { ModelEntry } from '../../istio/model';
import { hostsOverlap } from '../../istio/values';
import { num, record, records, str, strings } from '../../istio/read';
import type { Analyzer, AnalyzerReport } from '.';
import {
  destinationRulesForHost,
  destinationRulesOnLookupPath,
  destinationRuleTls,
  exportScope,
  findGateway,
  gatewayNamespace,
  gatewaysNamed,
  gatewaysServingHost,
  gatewaysOf,
  isClusterLocalHost,
  isMeshBound,
  kubeServiceLookup,
  kubeServicesIn,
  kubeServiceVisibleTo,
  mostSpecific,
  qualifyHost,
  resolveGatewayRef,
  rulesOf,
  scopesOverlap,
  serviceEntriesForHost,
  serviceEntriesWithHost,
  virtualServicesWithHost,
  type ExportScope,
  type RouteDestination,
  type RouteRule,
} from '../../istio/visibility';

const checkGatewayRefs: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    const check = (ref: string, path: (string | number)[]) => {
      if (ref === 'mesh') return;
      const resolved = resolveGatewayRef(ref, vs.namespace);
      if (findGateway(model, resolved)) return;
      const name = resolved.slice(resolved.indexOf('/') + 1);
      const elsewhere = gatewaysNamed(model, name).map((g) => g.namespace);
      const hint = elsewhere.length
        ? `; a Gateway ${name} exists in ${elsewhere.join(', ')}: write ${elsewhere[0]}/${name}`
        : '; unless it exists in the cluster, this binding does nothing';
      const meaning = ref.includes('/')
        ? ''
        : ` (a short name means the VirtualService namespace ${vs.namespace})`;
      report(vs, 'REF-GATEWAY', path, `Gateway ${resolved} is not in the bundle${meaning}${hint}`);
    };
    for (const [ref, i] of strings(vs.spec['gateways'])) check(ref, ['spec', 'gateways', i]);
    for (const kind of ['http', 'tls', 'tcp']) {
      for (const [rule, r] of records(vs.spec[kind])) {
        for (const [match, m] of records(rule['match'])) {
          for (const [ref, g] of strings(match['gateways']))
            check(ref, ['spec', kind, r, 'match', m, 'gateways', g]);
        }
      }
    }
  }
};

/**
 * Where a rule is applied: the VS namespace for sidecars, the gateway namespace for each gateway.
 * With `exported`, sidecars in each namespace an explicit exportTo names, as istioctl looks hosts
 * up (`*` standing for every namespace).
 */
function consumersOf(
  vs: ModelEntry,
  rule: RouteRule,
  exported = false,
): { namespace: string; where: string }[] {
  const out = new Map<string, string>();
  const exportTo = exported ? strings(vs.spec['exportTo']).map(([e]) => (e === '.' ? vs.namespace : e)) : [];
  for (const ref of rule.gateways) {
    if (ref === 'mesh' && exportTo.length > 0) {
      for (const ns of exportTo)
        out.set(ns, ns === '*' ? 'every namespace (exportTo: *)' : `namespace ${ns}`);
    } else if (ref === 'mesh') out.set(vs.namespace, `namespace ${vs.namespace}`);
    else if (!out.has(gatewayNamespace(ref))) {
      out.set(gatewayNamespace(ref), `namespace ${gatewayNamespace(ref)}, where gateway ${ref} applies it`);
    }
  }
  return [...out].map(([namespace, where]) => ({ namespace, where }));
}

const checkDestinations: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    for (const rule of rulesOf(vs)) {
      const consumers = consumersOf(vs, rule, true);
      for (const d of rule.destinations) {
        if (d.subset !== undefined) checkSubset(vs, d, consumersOf(vs, rule), model, report);
        if (consumers.length === 0) continue;
        if (isClusterLocalHost(d.host)) {
          checkServiceDestination(vs, rule, d, consumers, model, report);
          continue;
        }
        let matches: ReturnType<typeof serviceEntriesForHost> = [];
        const blind = consumers.find((c) => {
          const found = mostSpecific(serviceEntriesForHost(model, d.host, c.namespace));
          if (matches.length === 0) matches = found;
          return found.length === 0;
        });
        if (blind) {
          const hidden = serviceEntriesForHost(model, d.host).map((m) => m.entry.ref);
          const why = hidden.length
            ? `${hidden[0]} defines it, but its exportTo hides it from ${blind.namespace}`
            : 'no ServiceEntry in the bundle defines it';
          report(
            vs,
            'REF-HOST',
            [...d.path, 'host'],
            `${d.host} is not registered for ${blind.where}: ${why}, so requests routed here find no cluster`,
          );
          continue;
        }
        const ports = matches.flatMap((m) =>
          records(m.entry.spec['ports']).flatMap(([p]) => num(p['number']) ?? []),
        );
        checkDestinationPort(vs, rule, d, ports, matches[0]?.entry.ref ?? '', report);
      }
    }
  }
};

/** REF-HOST-PORT and PORT-REQUIRED: a destination port must be one of the service's `ports`, and is needed when it has several. */
function checkDestinationPort(
  vs: ModelEntry,
  rule: RouteRule,
  d: RouteDestination,
  servicePorts: number[],
  definedBy: string,
  report: AnalyzerReport,
): void {
  const ports = new Set(servicePorts);
  const list = [...ports].sort((a, b) => a - b).join(', ');
  if (d.port !== undefined && ports.size > 0 && !ports.has(d.port)) {
    report(
      vs,
      'REF-HOST-PORT',
      [...d.path, 'port', 'number'],
      `${definedBy} declares ${d.host} on port ${list}, not ${d.port}: there is no cluster for ${d.host}:${d.port}`,
    );
  } else if (d.port === undefined && rule.kind === 'http' && !d.mirror && ports.size > 1) {
    report(
      vs,
      'PORT-REQUIRED',
      d.path,
      `${d.host} has several ports (${list}) in ${definedBy}: set destination.port.number`,
    );
  }
}

/**
 * An in-cluster destination: the Kubernetes Service it names must exist, be visible where the rule
 * applies and have the port. Checked when the design holds the Services of that namespace (or an
 * in-cluster ServiceEntry registers the name, which is then the ServiceEntry's business).
 */
function checkServiceDestination(
  vs: ModelEntry,
  rule: RouteRule,
  d: RouteDestination,
  consumers: { namespace: string; where: string }[],
  model: Parameters<Analyzer>[0],
  report: AnalyzerReport,
): void {
  const lookup = kubeServiceLookup(model, d.host, vs.namespace);
  if (
    !lookup?.described ||
    serviceEntriesForHost(model, qualifyHost(d.host, vs.namespace), vs.namespace).length > 0
  )
    return;
  const { service } = lookup;
  const blind = service && consumers.find((c) => !kubeServiceVisibleTo(service, c.namespace));
  if (!service || blind) {
    const why = service
      ? `its networking.istio.io/exportTo annotation hides ${service.ref} from ${blind!.namespace}`
      : `the design holds the Services of ${lookup.namespace} (${kubeServicesIn(model, lookup.namespace)
          .map((s) => s.name)
          .join(', ')}), but not ${lookup.name}`;
    report(
      vs,
      'REF-HOST',
      [...d.path, 'host'],
      `${d.host} is not a Service ${blind ? `visible to ${blind.where}` : 'of the design'}: ${why}, so requests routed here find no cluster`,
    );
    return;
  }
  checkDestinationPort(vs, rule, d, servicePortNumbers(service), service.ref, report);
}

function checkSubset(
  vs: ModelEntry,
  d: RouteDestination,
  consumers: { namespace: string }[],
  model: Parameters<Analyzer>[0],
  report: AnalyzerReport,
): void {
  const lookup = consumers.length > 0 ? consumers.map((c) => c.namespace) : [vs.namespace];
  const onPath = new Set(lookup.flatMap((ns) => destinationRulesOnLookupPath(model, d.host, ns)));
  const defines = (dr: ModelEntry) => records(dr.spec['subsets']).some(([s]) => s['name'] === d.subset);
  if ([...onPath].some(defines)) return;
  const offPath = destinationRulesForHost(model, d.host, vs.namespace).find(
    (dr) => !onPath.has(dr) && defines(dr),
  );
  const named = [...onPath].map((dr) => dr.ref);
  const why = offPath
    ? `${offPath.ref} defines it, but proxies in ${lookup.join(', ')} do not look there (they use their own namespace, the service namespace and istio-system, subject to exportTo)`
    : named.length
      ? `${named.join(', ')} ${named.length > 1 ? 'do' : 'does'} not define it`
      : 'no DestinationRule for this host is in the bundle';
  report(vs, 'REF-SUBSET', [...d.path, 'subset'], `subset ${d.subset} of ${d.host} is not defined: ${why}`);
}

const scopeText = (scope: ExportScope) =>
  scope.everywhere ? 'every namespace' : [...scope.namespaces].join(', ');

const checkMeshConflicts: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    if (!isMeshBound(vs)) continue;
    const scope = exportScope(vs);
    for (const [host, i] of strings(vs.spec['hosts'])) {
      const same = virtualServicesWithHost(model, host, vs.namespace);
      const clash = same
        .slice(0, same.indexOf(vs))
        .find((other) => other !== vs && isMeshBound(other) && scopesOverlap(exportScope(other), scope));
      if (!clash) continue;
      report(
        vs,
        'CONFLICT-MESH-VS',
        ['spec', 'hosts', i],
        `${clash.ref} also binds ${host} to sidecars (mesh) for ${scopeText(exportScope(clash))}: sidecars do not merge VirtualServices, so only one applies (namespace-local first, then the oldest)`,
      );
    }
  }
};

const checkHostsInGateways: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    const hosts = strings(vs.spec['hosts']);
    if (hosts.length === 0) continue;
    for (const ref of new Set(gatewaysOf(vs))) {
      const gateway = ref === 'mesh' ? undefined : findGateway(model, ref);
      if (!gateway) continue;
      const serverHosts = records(gateway.spec['servers']).flatMap(([s]) =>
        strings(s['hosts']).map(([h]) => h),
      );
      const served = serverHosts.some((raw) => {
        const slash = raw.indexOf('/');
        const ns = slash === -1 ? '*' : raw.slice(0, slash);
        if (ns !== '*' && (ns === '.' ? gateway.namespace : ns) !== vs.namespace) return false;
        return hosts.some(([h]) => hostsOverlap(raw.slice(slash + 1), h));
      });
      if (served) continue;
      report(
        vs,
        'VS-HOST-NOT-IN-GATEWAY',
        ['spec', 'hosts', hosts[0]![1]],
        `none of ${hosts.map(([h]) => h).join(', ')} is a host of Gateway ${ref} (its servers list ${serverHosts.join(', ') || 'no hosts'} for this namespace), so the gateway never applies this VirtualService`,
      );
    }
  }
};

/** `selector|port|bind|host` for each host of each server: two servers with one key compete. */
function serverKeys(gateway: ModelEntry): { key: string; port: number; host: string; path: PathSegment[] }[] {
  const selector = JSON.stringify(Object.entries(record(gateway.spec['selector']) ?? {}).sort());
  const out: { key: string; port: number; host: string; path: PathSegment[] }[] = [];
  for (const [server, s] of records(gateway.spec['servers'])) {
    const port = num(record(server['port'])?.['number']);
    if (port === undefined) continue;
    for (const [host, h] of strings(server['hosts'])) {
      const key = `${selector}|${port}|${str(server['bind']) ?? ''}|${host}`;
      out.push({ key, port, host, path: ['spec', 'servers', s, 'hosts', h] });
    }
  }
  return out;
}

const checkGatewayConflicts: Analyzer = (model, report) => {
  for (const gateway of model.gateways) {
    for (const { key, port, host, path } of serverKeys(gateway)) {
      const serving = gatewaysServingHost(model, host.slice(host.indexOf('/') + 1));
      const first = serving
        .slice(0, serving.indexOf(gateway))
        .find((other) => other !== gateway && serverKeys(other).some((k) => k.key === key));
      if (!first) continue;
      report(
        gateway,
        'CONFLICT-GATEWAY',
        path,
        `${first.ref} already serves ${host} on port ${port} for the same selector: only one of the two servers takes effect`,
      );
    }
  }
};

const checkDestinationRuleHosts: Analyzer = (model, report) => {
  for (const dr of model.destinationRules) {
    const host = str(dr.spec['host']);
    if (!host) continue;
    if (isClusterLocalHost(host)) {
      checkDestinationRuleService(dr, host, model, report);
      continue;
    }
    if (serviceEntriesForHost(model, host, dr.namespace).length > 0) continue;
    const hidden = serviceEntriesForHost(model, host).map((m) => m.entry.ref);
    const why = hidden.length
      ? `${hidden[0]} defines it, but its exportTo hides it from ${dr.namespace}`
      : 'no ServiceEntry in the bundle defines it';
    report(
      dr,
      'DR-HOST-UNKNOWN',
      ['spec', 'host'],
      `${host} is not registered for namespace ${dr.namespace}: ${why}, so this policy applies to nothing`,
    );
  }
};

/** A DestinationRule for an in-cluster name, when the design holds that namespace's Services. */
function checkDestinationRuleService(
  dr: ModelEntry,
  host: string,
  model: Parameters<Analyzer>[0],
  report: AnalyzerReport,
): void {
  const lookup = kubeServiceLookup(model, host, dr.namespace);
  if (
    !lookup?.described ||
    serviceEntriesForHost(model, qualifyHost(host, dr.namespace), dr.namespace).length > 0
  )
    return;
  if (lookup.service && kubeServiceVisibleTo(lookup.service, dr.namespace)) return;
  const why = lookup.service
    ? `its networking.istio.io/exportTo annotation hides ${lookup.service.ref} from ${dr.namespace}`
    : `the design holds the Services of ${lookup.namespace}, but not ${lookup.name}`;
  report(
    dr,
    'DR-HOST-UNKNOWN',
    ['spec', 'host'],
    `${host} is not a Service known to namespace ${dr.namespace}: ${why}, so this policy applies to nothing`,
  );
}

const checkServerVerification: Analyzer = (model, report) => {
  for (const dr of model.destinationRules) {
    const host = str(dr.spec['host']) ?? '';
    const selector = record(dr.spec['workloadSelector']);
    for (const { tls, path } of destinationRuleTls(dr)) {
      const mode = str(tls['mode'])?.toUpperCase();
      if ((mode !== 'SIMPLE' && mode !== 'MUTUAL') || str(tls['caCertificates'])) continue;
      const credential = str(tls['credentialName']);
      if (credential && selector) continue;
      if (tls['insecureSkipVerify'] === true) {
        report(
          dr,
          'NO-CA',
          [...path, 'insecureSkipVerify'],
          `certificate verification is disabled (insecureSkipVerify: true): the proxy accepts any server certificate for ${host}`,
        );
        continue;
      }
      const ca = credential
        ? `the server certificate is checked against the ca.crt of Secret ${credential} if it has one, else against the proxy's system CA bundle`
        : "the server certificate is checked only against the proxy's system CA bundle (Istio 1.21+), so any publicly trusted certificate passes";
      const sans =
        strings(tls['subjectAltNames']).length > 0 ||
        serviceEntriesForHost(model, host, dr.namespace).some(
          (m) => strings(m.entry.spec['subjectAltNames']).length > 0,
        );
      const sni =
        str(tls['sni']) && !sans
          ? '; with sni set and no subjectAltNames (here or on the ServiceEntry) the hostname is not checked at all'
          : '';
      report(dr, 'NO-CA', [...path, 'mode'], `${mode} without caCertificates: ${ca}${sni}`);
    }
  }
};

const checkServiceEntryProtocols: Analyzer = (model, report) => {
  for (const se of model.serviceEntries) {
    const scope = exportScope(se);
    for (const [port, p] of records(se.spec['ports'])) {
      const number = num(port['number']);
      const protocol = str(port['protocol'])?.toUpperCase();
      if (number === undefined || !protocol) continue;
      for (const [host] of strings(se.spec['hosts'])) {
        const same = serviceEntriesWithHost(model, host).map((m) => m.entry);
        const earlier = same.slice(0, same.indexOf(se)).filter((other) => other !== se);
        const clash = earlier
          .flatMap((other) =>
            records(other.spec['ports'])
              .filter(([q]) => num(q['number']) === number)
              .map(([q]) => ({ other, protocol: str(q['protocol'])?.toUpperCase() })),
          )
          .find((e) => e.protocol && e.protocol !== protocol && scopesOverlap(exportScope(e.other), scope));
        if (!clash) continue;
        report(
          se,
          'CONFLICT-SE-PROTOCOL',
          ['spec', 'ports', p, 'protocol'],
          `${clash.other.ref} declares ${host}:${number} as ${clash.protocol!}, this entry as ${protocol}, for overlapping namespaces: only one definition wins`,
        );
        break;
      }
    }
  }
};

/** References, conflicts and server verification across the bundle. */
export const referenceAnalyzers: Analyzer[] = [
  checkGatewayRefs,
  checkDestinations,
  checkMeshConflicts,
  checkHostsInGateways,
  checkGatewayConflicts,
  checkDestinationRuleHosts,
  checkServerVerification,
  checkServiceEntryProtocols,
];
