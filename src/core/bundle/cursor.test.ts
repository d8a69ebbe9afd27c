import { describe, expect, it } from 'vitest';

import { cursorContext } from './cursor';

/** The context at the `|` in the text. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  return cursorContext(marked.replace('|', ''), offset);
}

describe('cursorContext', () => {
  it('finds the enclosing keys and the kind for a key being typed', () => {
    expect(at('apiVersion: networking.istio.io/v1\nkind: ServiceEntry\nspec:\n  reso|\n')).toEqual({
      kind: 'ServiceEntry',
      path: ['spec'],
      key: 'reso',
      inValue: false,
    });
  });

  it('sees list items, on the dash line and below it', () => {
    const text = 'kind: ServiceEntry\nspec:\n  ports:\n    - number: 80\n      pro|\n';
    expect(at(text)).toMatchObject({ path: ['spec', 'ports', '[]'], key: 'pro', inValue: false });
    expect(at('kind: ServiceEntry\nspec:\n  ports:\n    - num|\n')).toMatchObject({
      path: ['spec', 'ports', '[]'],
      key: 'num',
    });
  });

  it('knows when the cursor is on a value', () => {
    expect(at('kind: DestinationRule\nspec:\n  trafficPolicy:\n    tls:\n      mode: SIM|\n')).toEqual({
      kind: 'DestinationRule',
      path: ['spec', 'trafficPolicy', 'tls'],
      key: 'mode',
      inValue: true,
    });
  });

  it('stays inside its own document of a bundle', () => {
    const text =
      'kind: Gateway\nspec:\n  servers: []\n---\n# comment\nkind: Sidecar\nspec:\n  egress:\n    - ho|\n';
    expect(at(text)).toMatchObject({ kind: 'Sidecar', path: ['spec', 'egress', '[]'], key: 'ho' });
    expect(at('---\nspec:\n  hosts: [a]\n  |\nkind: VirtualService\n---\nkind: Gateway\n')).toMatchObject({
      kind: 'VirtualService',
      path: ['spec'],
    });
  });
});
