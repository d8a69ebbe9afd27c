import {
  isDns1123Label,
  validateLabelValue,
  validateQualifiedName,
  validateWildcardDomain,
} from '../../istio/values';
import type { ResourceRule, RuleContext } from '../types';
import { checkTrafficPolicy, trafficPolicies } from './destination-rule-policy';
import { list, record, str } from '../../istio/read';

/**
 * DestinationRule admission rules (ISTIO.md §2.3), as istiod's webhook and the CRD's CEL rules
 * apply them. Duration limits (DR-06), enums and required fields come from the schema walker.
 */
export const destinationRuleRules: ResourceRule[] = [
  { kinds: ['DestinationRule'], check: checkHost },
  { kinds: ['DestinationRule'], check: checkSubsets },
  { kinds: ['DestinationRule'], check: checkPolicies },
];

function checkHost({ resource, report }: RuleContext): void {
  // A missing host is a schema Required error; a non-string one a type error.
  const host = str(resource.spec['host']);
  if (host === undefined) return;
  const problem = validateWildcardDomain(host);
  if (problem) report('DR-01', ['spec', 'host'], problem);
}

function checkSubsets({ resource, report }: RuleContext): void {
  const names = new Set<string>();
  list(resource.spec['subsets']).forEach((item, i) => {
    const path = ['spec', 'subsets', i];
    if (item === null || item === undefined) {
      report('DR-14', path, 'subset may not be null');
      return;
    }
    const subset = record(item);
    if (!subset) return;
    // A missing name is a schema Required error; an empty or malformed one is the webhook's.
    const name = str(subset['name']);
    if (name !== undefined) {
      if (name === '') report('DR-14', [...path, 'name'], 'subset name cannot be empty');
      else if (names.has(name)) report('DR-14', [...path, 'name'], `duplicate subset names: ${name}`);
      else if (!isDns1123Label(name)) report('DR-14', [...path, 'name'], `subset name is invalid: ${name}`);
      names.add(name);
    }
    for (const [key, value] of Object.entries(record(subset['labels']) ?? {})) {
      const labelPath = [...path, 'labels', key];
      if (validateQualifiedName(key)) {
        report('DR-14', labelPath, `invalid tag key: ${JSON.stringify(key)}`, { target: 'key' });
      }
      if (typeof value === 'string' && validateLabelValue(value)) {
        report('DR-14', labelPath, `invalid tag value: ${JSON.stringify(value)}`);
      }
    }
  });
}

function checkPolicies(context: RuleContext): void {
  for (const [policy, path] of trafficPolicies(context.resource.spec)) {
    checkTrafficPolicy(context, policy, path);
  }
}
