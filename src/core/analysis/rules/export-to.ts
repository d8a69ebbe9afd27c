import { isDns1123Label } from '../../istio/values';
import type { ResourceRule } from '../types';
import { record, strings } from '../../istio/read';

/** exportTo rules shared by ServiceEntry, VirtualService and DestinationRule (ISTIO.md §2.2). */
export const exportToRules: ResourceRule[] = [
  {
    kinds: ['ServiceEntry', 'VirtualService', 'DestinationRule'],
    check({ resource, report }) {
      const entries = strings(resource.spec['exportTo']);
      const isServiceEntry = resource.kind === 'ServiceEntry';
      const seen = new Map<string, string>();
      for (const [entry, i] of entries) {
        const path = ['spec', 'exportTo', i];
        if (entry === '~' && !isServiceEntry) {
          report('EX-02', path, 'exportTo ~ (none) is not allowed for Istio configuration objects');
          continue;
        }
        if (entry !== '.' && entry !== '*' && entry !== '~' && !isDns1123Label(entry)) {
          report('EX-01', path, 'only .,*, or a valid DNS 1123 label is allowed as exportTo entry');
          continue;
        }
        const key = entry === '.' ? resource.namespace : entry;
        const previous = seen.get(key);
        if (previous !== undefined) {
          const message =
            previous !== entry && (entry === '.' || previous === '.')
              ? `duplicate entries in exportTo: . and current namespace ${resource.namespace}`
              : `duplicate entries in exportTo for entry ${entry}`;
          report('EX-05', path, message);
        }
        seen.set(key, entry);
      }
      if (entries.length > 1) {
        const star = entries.find(([e]) => e === '*');
        if (star)
          report(
            'EX-03',
            ['spec', 'exportTo', star[1]],
            'cannot have both public (*) and non-public exportTo values for a resource',
          );
        const none = entries.find(([e]) => e === '~');
        if (none && isServiceEntry)
          report(
            'EX-04',
            ['spec', 'exportTo', none[1]],
            'cannot export service entry to no one (~) and someone',
          );
      }
    },
  },
  {
    kinds: ['DestinationRule'],
    check({ resource, report }) {
      if (!record(resource.spec['workloadSelector'])) return;
      const entries = strings(resource.spec['exportTo']);
      if (entries.length > 1) {
        report(
          'EX-06',
          ['spec', 'exportTo', entries[1]![1]],
          'destination rule with workload selector cannot have multiple entries in exportTo',
        );
        return;
      }
      const [only] = entries;
      if (only && only[0] !== '.' && only[0] !== resource.namespace) {
        report(
          'EX-06',
          ['spec', 'exportTo', only[1]],
          'destination rule with workload selector cannot have exportTo beyond current namespace',
        );
      }
    },
  },
];
