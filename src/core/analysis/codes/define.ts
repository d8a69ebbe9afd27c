import type { CheckLayer, CodeInfo, Severity } from '../types';

/**
 * A catalogue entry for an admission rule: what the API server or Istio's webhook refuses (an
 * error, reported by istioctl as IST0106) or accepts with a warning (IST0133).
 */
export function admissionCode(
  code: string,
  title: string,
  explanation: string,
  fix: string,
  severity: Severity = 'error',
  layer: CheckLayer = 'webhook',
): CodeInfo {
  const related = severity === 'warning' ? ['IST0133'] : ['IST0106'];
  return { code, title, severity, layer, explanation, fix, related };
}

/**
 * A catalogue entry for a cross-resource finding: the cluster accepts every resource, but together
 * they do not do what the author meant (a warning unless said otherwise); `related` names the
 * istioctl analyze (IST) or Kiali (KIA) codes for the same finding.
 */
export function analyzerCode(
  code: string,
  title: string,
  explanation: string,
  fix: string,
  related?: string[],
  severity: Severity = 'warning',
): CodeInfo {
  const info: CodeInfo = { code, title, severity, layer: 'analyzer', explanation, fix };
  if (related) info.related = related;
  return info;
}
