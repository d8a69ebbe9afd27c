import { describe, expect, it } from 'vitest';

import { source } from '../analysis/testing';
import { parseBundle } from '../bundle';
import { mentionsOf } from './mentions';
import { buildModel } from './model';
import { trackReads } from './reads';
import { destinationRulesForHost, serviceEntriesForHost, sidecarsIn } from './visibility';

const model = buildModel(
  parseBundle(source`
    apiVersion: networking.istio.io/v1
    kind: ServiceEntry
    metadata: {name: api, namespace: shared}
    spec: {hosts: [api.example.com], exportTo: [., team-a]}
    ---
    apiVersion: networking.istio.io/v1
    kind: ServiceEntry
    metadata: {name: wild, namespace: vendors}
    spec: {hosts: ['*.example.com']}
    ---
    apiVersion: networking.istio.io/v1
    kind: DestinationRule
    metadata: {name: other, namespace: team-c}
    spec: {host: other.example.com}
    ---
    apiVersion: networking.istio.io/v1
    kind: Sidecar
    metadata: {name: default, namespace: team-b}
    spec: {egress: [{hosts: [./*]}]}
  `),
);

describe('the namespaces behind what a computation read', () => {
  it('are those of the entries filed under the keys it read, and those their exportTo names', () => {
    const { reads } = trackReads(() => serviceEntriesForHost(model, 'api.example.com'));
    expect([...mentionsOf(model, reads).resources].sort()).toEqual(['shared', 'team-a', 'vendors']);
  });

  it('leave out entries under keys it did not read, and count Sidecars read apart', () => {
    const { reads } = trackReads(() => {
      destinationRulesForHost(model, 'api.example.com', 'team-b');
      sidecarsIn(model, 'team-b');
    });
    const mentions = mentionsOf(model, reads);
    expect([...mentions.resources]).toEqual([]);
    expect([...mentions.sidecars]).toEqual(['team-b']);
  });

  it('include what the computations it used read', () => {
    const { reads } = trackReads(() => {
      trackReads(() => sidecarsIn(model, 'team-b'));
      trackReads(() => serviceEntriesForHost(model, 'x.example.com'));
    });
    const mentions = mentionsOf(model, reads);
    expect([...mentions.resources]).toEqual(['vendors']);
    expect([...mentions.sidecars]).toEqual(['team-b']);
  });
});
