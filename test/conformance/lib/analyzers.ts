/**
 * The Go analyzers whose test cases the suite runs, with the messages each can report, read from
 * their sources (istio/istio pkg/config/analysis/analyzers/<package>/*.go at 1.30.3 and master).
 *
 * Istio's test runs one analyzer per case; the engine runs all its checks at once. A finding of ours
 * counts for a case only when it stands for a message that case's analyzer can report, so a
 * finding another analyzer would give is neither a match nor a false positive there.
 *
 * IST0101 (ReferencedResourceNotFound) is reported by several analyzers, each for its own kind of
 * reference (the `<reftype>` of `Referenced <reftype> not found`); it is written `IST0101:<reftype>`.
 */
export interface GoAnalyzer {
  /** IST codes (IST0101 with its reference types) the analyzer reports. */
  reports: string[];
  /** Kinds it reports on. */
  kinds: string[];
}

export const GO_ANALYZERS: Record<string, GoAnalyzer> = {
  'deprecation.FieldAnalyzer': {
    reports: ['IST0002'],
    kinds: ['VirtualService', 'Sidecar', 'CustomResourceDefinition'],
  },
  'gateway.IngressGatewayPortAnalyzer': { reports: ['IST0101:selector', 'IST0162'], kinds: ['Gateway'] },
  'gateway.SecretAnalyzer': {
    reports: ['IST0101:selector', 'IST0101:credentialName', 'IST0161'],
    kinds: ['Gateway'],
  },
  'gateway.ConflictingGatewayAnalyzer': { reports: ['IST0145', 'IST0101:selector'], kinds: ['Gateway'] },
  'gateway.CertificateAnalyzer': { reports: ['IST0138'], kinds: ['Gateway'] },
  'sidecar.SelectorAnalyzer': {
    reports: ['IST0101:selector', 'IST0110', 'IST0111', 'IST0167'],
    kinds: ['Sidecar'],
  },
  'virtualservice.ConflictingMeshGatewayHostsAnalyzer': { reports: ['IST0109'], kinds: ['VirtualService'] },
  'virtualservice.DestinationHostAnalyzer': {
    reports: ['IST0101:host', 'IST0101:mirror host', 'IST0101:host:port', 'IST0112', 'IST0140'],
    kinds: ['VirtualService'],
  },
  'virtualservice.DestinationRuleAnalyzer': { reports: ['IST0101:subset'], kinds: ['VirtualService'] },
  'virtualservice.GatewayAnalyzer': {
    reports: ['IST0101:gateway', 'IST0132', 'IST0165'],
    kinds: ['VirtualService'],
  },
  'virtualservice.JWTClaimRouteAnalyzer': { reports: ['IST0149'], kinds: ['VirtualService'] },
  'destinationrule.CaCertificateAnalyzer': { reports: ['IST0128', 'IST0129'], kinds: ['DestinationRule'] },
  'destinationrule.PodNotSelectedAnalyzer': { reports: ['IST0173', 'IST0174'], kinds: ['DestinationRule'] },
  'service.PortNameAnalyzer': { reports: ['IST0118', 'IST0150'], kinds: ['Service'] },
  'serviceentry.ProtocolAddressesAnalyzer': { reports: ['IST0134'], kinds: ['ServiceEntry'] },
  'serviceentry.ConflictingServiceEntryProtocolAnalyzer': { reports: ['IST0177'], kinds: ['ServiceEntry'] },
  // The webhook's validation run as an analyzer, for VirtualServices only.
  'schemaValidation.CollectionValidationAnalyzer(collections.VirtualService)': {
    reports: ['IST0106', 'IST0133', 'IST0130', 'IST0131'],
    kinds: ['VirtualService'],
  },
};

/**
 * Which IST0101 reference types each engine code stands for. The catalogue's `related` says
 * IST0101 but not which reference; a code missing here stands for every reference type.
 */
export const ENGINE_REFERENCE_TYPES: Record<string, string[]> = {
  'REF-GATEWAY': ['gateway'],
  'REF-HOST': ['host', 'mirror host'],
  'REF-HOST-PORT': ['host:port'],
  'REF-SUBSET': ['subset'],
};
