/**
 * Reference analyzers (ISTIO.md §3: IST0101, IST0112, IST0128/0129, IST0140, IST0174):
 * what a resource names must exist where the proxies that apply it can see it, and apply there.
 */
import type { PathSegment } from '../../bundle';
import { gatewayProxyNamespaces } from '../../istio/gateway-proxies';
import { servicePortNumbers } from '../../istio/kube';
import type { BundleModel, ModelEntry } from '../../istio/model';
import { derivedPer } from '../../istio/indexes';
import { num, record, records, str, strings } from '../../istio/read';
import type { Analyzer, AnalyzerReport } from '.';
import {
  destinationRulesForHost,
  destinationRulesOnLookupPath,
  destinationsTo,
  isClusterLocalHost,
  kubeServiceLookup,
  kubeServicesIn,
  kubeServiceVisibleTo,
  mostSpecificServiceEntries,
  qualifyHost,
  rulesOf,
  serviceEntriesForHost,
  type RouteDestination,
  type RouteRule,
} from '../../istio/visibility';

/**
 * Where a rule is applied: the VS namespace for sidecars, and for each gateway the namespace its
 * pods run in (the Gateway resource's own namespace names nothing, ISTIO.md §5.1). With
 * `exported`, sidecars in each namespace an explicit exportTo names, as istioctl looks hosts up
 * (`*` standing for every namespace).
 */
function consumersOf(
  model: BundleModel,
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
    else
      for (const namespace of gatewayProxyNamespaces(model, ref)) {
        if (!out.has(namespace))
          out.set(namespace, `namespace ${namespace}, where gateway ${ref} applies it`);
      }
  }
  return [...out].map(([namespace, where]) => ({ namespace, where }));
}

const checkDestinations: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    for (const rule of rulesOf(vs)) {
      const consumers = consumersOf(model, vs, rule, true);
      for (const d of rule.destinations) {
        if (d.subset !== undefined) checkSubset(vs, d, consumersOf(model, vs, rule), model, report);
        if (consumers.length === 0) continue;
        if (isClusterLocalHost(d.host)) {
          checkServiceDestination(vs, rule, d, consumers, model, report);
          continue;
        }
        const blind = consumers.find(
          (c) => mostSpecificServiceEntries(model, d.host, c.namespace).length === 0,
        );
        if (blind) {
          const hidden = serviceEntriesForHost(model, d.host)[0]?.entry.ref;
          const why = hidden
            ? `${hidden} defines it, but its exportTo hides it from ${blind.namespace}`
            : 'no ServiceEntry in the bundle defines it';
          report(
            vs,
            'REF-HOST',
            [...d.path, 'host'],
            `${d.host} is not registered for ${blind.where}: ${why}, so requests routed here find no cluster`,
          );
          continue;
        }
        // Every consumer sees the host: the first one's entries declare the ports.
        const { ports, definedBy } = declaredPorts(model, d.host, consumers[0]!.namespace);
        checkDestinationPort(vs, rule, d, ports, definedBy, report);
      }
    }
  }
};

/** The ports the most specific ServiceEntries of `host` visible to `namespace` declare, once per host and namespace. */
function declaredPorts(
  model: BundleModel,
  host: string,
  namespace: string,
): { ports: ReadonlySet<number>; definedBy: string } {
  return derivedPer(model, 'se-ports', [host, namespace], () => {
    const matches = mostSpecificServiceEntries(model, host, namespace);
    const ports = matches.flatMap((m) =>
      records(m.entry.spec['ports']).flatMap(([p]) => num(p['number']) ?? []),
    );
    return { ports: new Set(ports), definedBy: matches[0]?.entry.ref ?? '' };
  });
}

/** REF-HOST-PORT and PORT-REQUIRED: a destination port must be one of the service's `ports`, and is needed when it has several. */
function checkDestinationPort(
  vs: ModelEntry,
  rule: RouteRule,
  d: RouteDestination,
  ports: ReadonlySet<number>,
  definedBy: string,
  report: AnalyzerReport,
): void {
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
      : `the design holds the Services of ${lookup.namespace} (${serviceNames(model, lookup.namespace)}), but not ${lookup.name}`;
    report(
      vs,
      'REF-HOST',
      [...d.path, 'host'],
      `${d.host} is not a Service ${blind ? `visible to ${blind.where}` : 'of the design'}: ${why}, so requests routed here find no cluster`,
    );
    return;
  }
  checkDestinationPort(vs, rule, d, new Set(servicePortNumbers(service)), service.ref, report);
}

/** The names of the Services of a namespace, as a message lists them (once per namespace). */
function serviceNames(model: BundleModel, namespace: string): string {
  return derivedPer(model, 'service-names', [namespace], () =>
    kubeServicesIn(model, namespace)
      .map((s) => s.name)
      .join(', '),
  );
}

function checkSubset(
  vs: ModelEntry,
  d: RouteDestination,
  consumers: { namespace: string }[],
  model: Parameters<Analyzer>[0],
  report: AnalyzerReport,
): void {
  const lookup = consumers.length > 0 ? consumers.map((c) => c.namespace) : [vs.namespace];
  const subset = d.subset!;
  // Once per question: the routes of copies of a VirtualService ask the same one.
  const why = derivedPer(model, 'subset-missing', [d.host, vs.namespace, subset, ...lookup], () =>
    whySubsetMissing(model, d.host, vs.namespace, subset, lookup),
  );
  if (why === undefined) return;
  report(vs, 'REF-SUBSET', [...d.path, 'subset'], `subset ${subset} of ${d.host} is not defined: ${why}`);
}

/** Why proxies in `lookup` find no subset `subset` of `rawHost` (written in `namespace`); undefined when they do. */
function whySubsetMissing(
  model: BundleModel,
  rawHost: string,
  namespace: string,
  subset: string,
  lookup: string[],
): string | undefined {
  // A short host names a service in the VirtualService's namespace, wherever the rule is applied.
  const host = qualifyHost(rawHost, namespace);
  const onPath = new Set(lookup.flatMap((ns) => destinationRulesOnLookupPath(model, host, ns)));
  const defines = (dr: ModelEntry) => records(dr.spec['subsets']).some(([s]) => s['name'] === subset);
  if ([...onPath].some(defines)) return undefined;
  const offPath = destinationRulesForHost(model, rawHost, namespace).find(
    (dr) => !onPath.has(dr) && defines(dr),
  );
  const named = [...onPath].map((dr) => dr.ref);
  return offPath
    ? `${offPath.ref} defines it, but proxies in ${lookup.join(', ')} do not look there (they use their own namespace, the service namespace and istio-system, subject to exportTo)`
    : named.length
      ? `${named.join(', ')} ${named.length > 1 ? 'do' : 'does'} not define it`
      : 'no DestinationRule for this host is in the bundle';
}

const checkDestinationRuleHosts: Analyzer = (model, report) => {
  for (const dr of model.destinationRules) {
    const host = str(dr.spec['host']);
    if (!host) continue;
    if (isClusterLocalHost(host)) {
      checkDestinationRuleService(dr, host, model, report);
      continue;
    }
    if (serviceEntriesForHost(model, host, dr.namespace).length > 0) continue;
    const hidden = serviceEntriesForHost(model, host)[0]?.entry.ref;
    const why = hidden
      ? `${hidden} defines it, but its exportTo hides it from ${dr.namespace}`
      : 'no ServiceEntry in the bundle defines it';
    report(
      dr,
      'DR-HOST-UNKNOWN',
      ['spec', 'host'],
      `${host} is not registered for namespace ${dr.namespace}: ${why}, so this policy applies to nothing`,
    );
  }
};

/** The `tls` blocks istioctl checks for a CA (IST0128, IST0129): the top-level policy's and each port-level one's. */
function verifiedTls(dr: ModelEntry): { tls: Record<string, unknown>; path: PathSegment[]; code: string }[] {
  const policy = record(dr.spec['trafficPolicy']);
  const top = record(policy?.['tls']);
  const out = top
    ? [{ tls: top, path: ['spec', 'trafficPolicy', 'tls'] as PathSegment[], code: 'NO-CA' }]
    : [];
  for (const [level, i] of records(policy?.['portLevelSettings'])) {
    const tls = record(level['tls']);
    if (tls)
      out.push({ tls, path: ['spec', 'trafficPolicy', 'portLevelSettings', i, 'tls'], code: 'NO-CA-PORT' });
  }
  return out;
}

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
    for (const { tls, path, code } of verifiedTls(dr)) {
      const mode = str(tls['mode'])?.toUpperCase();
      if ((mode !== 'SIMPLE' && mode !== 'MUTUAL') || str(tls['caCertificates'])) continue;
      const credential = str(tls['credentialName']);
      if (credential && selector) continue;
      if (tls['insecureSkipVerify'] === true) {
        report(
          dr,
          code,
          [...path, 'insecureSkipVerify'],
          `certificate verification is off (insecureSkipVerify: true): the proxy accepts any server certificate for ${host}, so anyone on the path can impersonate it. Remove insecureSkipVerify`,
          { severity: 'warning' },
        );
        continue;
      }
      const ca = credential
        ? `the server certificate is checked against the ca.crt of Secret ${credential} if it has one, else against the proxy's OS CA bundle`
        : "the server certificate is checked against the proxy's OS CA bundle, so any publicly trusted CA is accepted";
      const sans =
        strings(tls['subjectAltNames']).length > 0 ||
        derivedPer(model, 'se-sans', [host, dr.namespace], () =>
          serviceEntriesForHost(model, host, dr.namespace).some(
            (m) => strings(m.entry.spec['subjectAltNames']).length > 0,
          ),
        );
      if (str(tls['sni']) && !sans) {
        report(
          dr,
          code,
          [...path, 'sni'],
          `${mode} without caCertificates and with sni set but no subjectAltNames (here or on the ServiceEntry): ${ca}, and the name in it is not checked at all, so a trusted certificate for any other name passes. Add subjectAltNames (or caCertificates for a private CA)`,
          { severity: 'warning' },
        );
        continue;
      }
      report(
        dr,
        code,
        [...path, 'mode'],
        `${mode} without caCertificates: ${ca} and, for HTTP traffic, the name is checked against the request host; set caCertificates to trust only the service's own CA (istioctl analyze reports every such rule)`,
      );
    }
  }
};

/**
 * The route destinations, in any VirtualService, that pick a subset of one of that VirtualService's
 * own hosts, as `ref (subset name)` each once; worked out once per host.
 */
function subsetRoutesFor(model: Parameters<Analyzer>[0], host: string): readonly string[] {
  return derivedPer(model, 'subset-routes', [host], () => [
    ...new Set(
      destinationsTo(model, host).flatMap(({ vs, rule, destination: d }) =>
        rule.kind === 'http' &&
        !d.mirror &&
        d.subset &&
        d.host === host &&
        strings(vs.spec['hosts']).some(([h]) => h === host)
          ? [`${vs.ref} (subset ${d.subset})`]
          : [],
      ),
    ),
  ]);
}

// istioctl (IST0140) checks every VirtualService that lists gateways, and compares host strings as written.
const checkSubsetsBypassed: Analyzer = (model, report) => {
  for (const vs of model.virtualServices) {
    if (strings(vs.spec['gateways']).length === 0) continue;
    for (const rule of rulesOf(vs)) {
      if (rule.kind !== 'http') continue;
      for (const d of rule.destinations) {
        if (d.mirror || d.subset) continue;
        const splits = subsetRoutesFor(model, d.host);
        if (splits.length === 0) continue;
        const by = splits.join(', ');
        report(
          vs,
          'SUBSET-ROUTING-BYPASSED',
          [...d.path, 'host'],
          `this route sends ${d.host} traffic straight to the service, without a subset: the subset routing of ${by} does not apply to it, because a route's destination is not routed again. Name the subset here if this traffic should follow it`,
        );
      }
    }
  }
};

/** References and server verification across the bundle. */
export const referenceAnalyzers: Analyzer[] = [
  checkDestinations,
  checkDestinationRuleHosts,
  checkServerVerification,
  checkSubsetsBypassed,
];
