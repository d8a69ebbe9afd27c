import type { ResourceRule } from '../types';
import { annotationRules } from './annotations';
import { deprecationRules } from './deprecation';
import { destinationRuleRules } from './destination-rule';
import { exportToRules } from './export-to';
import { gatewayRules } from './gateway';
import { serviceEntryRules } from './service-entry';
import { sidecarRules } from './sidecar';
import { virtualServiceRules } from './virtual-service';

/** Every per-resource admission rule, in the order their findings are produced. */
export const resourceRules: readonly ResourceRule[] = [
  ...annotationRules,
  ...exportToRules,
  ...serviceEntryRules,
  ...destinationRuleRules,
  ...virtualServiceRules,
  ...gatewayRules,
  ...sidecarRules,
  ...deprecationRules,
];
