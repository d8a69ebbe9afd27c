import { describe, expect, it } from 'vitest';

import { LATEST_ISTIO_VERSION } from '../../core';
import { draftActions, isComplete } from './draft';
import type { FieldActions } from './FieldEditor';

const written: unknown[] = [];
const real: FieldActions = {
  set: (path, value) => written.push(['set', path, value]),
  insert: (path, index, value) => written.push(['insert', path, index, value]),
  remove: (path) => written.push(['remove', path]),
  problemsAt: () => [],
  problemKey: () => '',
  owner: {},
  readOnly: false,
  istioVersion: LATEST_ISTIO_VERSION,
};

describe('an object not in the YAML yet', () => {
  it('is complete once every required field, nested ones too, has a value', () => {
    expect(isComplete('ServiceEntry', ['ports', 1], { name: 'https' }, LATEST_ISTIO_VERSION)).toBe(false);
    expect(
      isComplete('ServiceEntry', ['ports', 1], { name: 'https', number: 443 }, LATEST_ISTIO_VERSION),
    ).toBe(true);
    const server = { hosts: ['a.com'], port: { number: 443, name: 'tls' } };
    expect(isComplete('Gateway', ['servers', 0], server, LATEST_ISTIO_VERSION)).toBe(false);
    expect(
      isComplete(
        'Gateway',
        ['servers', 0],
        { ...server, port: { ...server.port, protocol: 'TLS' } },
        LATEST_ISTIO_VERSION,
      ),
    ).toBe(true);
    expect(isComplete('Gateway', ['servers', 0], { ...server, hosts: [] }, LATEST_ISTIO_VERSION)).toBe(false);
  });

  it('keeps what is typed until it is complete, then writes it whole with each key', () => {
    written.length = 0;
    let draft: Record<string, unknown> = {};
    const kept: Record<string, unknown>[] = [];
    const wholes: unknown[] = [];
    const actions = () =>
      draftActions(
        real,
        'ServiceEntry',
        ['ports', 1],
        ['spec', 'ports', 1],
        draft,
        (next) => kept.push((draft = next)),
        (whole) => wholes.push(whole),
      );
    actions().set(['spec', 'ports', 1, 'name'], 'https');
    expect(draft).toEqual({ name: 'https' });
    actions().set(['spec', 'ports', 1, 'targetPort'], 8443);
    actions().remove(['spec', 'ports', 1, 'targetPort']);
    expect(draft).toEqual({ name: 'https' });
    expect(wholes).toEqual([]);
    actions().set(['spec', 'ports', 1, 'number'], 443);
    expect(wholes).toEqual([{ name: 'https', number: 443 }]);
    // Kept until the form is drawn from the YAML again: the next key writes the whole again.
    expect(draft).toEqual({ name: 'https', number: 443 });
    actions().set(['spec', 'ports', 1, 'number'], 4430);
    expect(wholes).toEqual([
      { name: 'https', number: 443 },
      { name: 'https', number: 4430 },
    ]);
    expect(written).toEqual([]);
  });

  it('fills lists inside the draft', () => {
    let draft: Record<string, unknown> = {};
    const wholes: unknown[] = [];
    const actions = () =>
      draftActions(
        real,
        'Sidecar',
        ['egress', 0],
        ['spec', 'egress', 0],
        draft,
        (next) => (draft = next),
        (whole) => wholes.push(whole),
      );
    actions().set(['spec', 'egress', 0, 'port', 'number'], 80);
    expect(draft).toEqual({ port: { number: 80 } });
    actions().insert(['spec', 'egress', 0, 'hosts'], 0, './*');
    expect(wholes).toEqual([{ port: { number: 80 }, hosts: ['./*'] }]);
  });
});
