import type { ResourceRule } from '../types';
import { record } from '../../istio/read';

const RESERVED = [
  'internal.istio.io/parent-namespace',
  'internal.istio.io/parents',
  'internal.istio.io/webhook-always-reject',
];

/** GEN-03: annotations the Istio webhook refuses on networking kinds. */
export const annotationRules: ResourceRule[] = [
  {
    kinds: ['ServiceEntry', 'DestinationRule', 'VirtualService', 'Gateway', 'Sidecar'],
    check({ resource, report }) {
      const annotations = record(record(resource.value['metadata'])?.['annotations']);
      if (!annotations) return;
      for (const key of Object.keys(annotations)) {
        if (key === 'istio.io/dry-run' || RESERVED.includes(key)) {
          report(
            'GEN-03',
            ['metadata', 'annotations', key],
            `${resource.namespace}/${resource.name} has unsupported annotation ${key}, please remove the annotation`,
            { target: 'key' },
          );
        }
      }
    },
  },
];
