import { describe, expect, it } from 'vitest';

import { applyCommand, shellQuote } from './kubectl';

describe('applyCommand', () => {
  it('applies the single file with -f and the split layout with -k', () => {
    expect(applyCommand({ kind: 'file', fileName: 'egress-bundle.yaml' })).toBe(
      'kubectl apply -f egress-bundle.yaml',
    );
    expect(applyCommand({ kind: 'kustomize', dir: 'egress-bundle' })).toBe('kubectl apply -k egress-bundle');
  });

  it('quotes paths a shell would split or expand', () => {
    expect(applyCommand({ kind: 'file', fileName: 'my designs/egress bundle.yaml' })).toBe(
      "kubectl apply -f 'my designs/egress bundle.yaml'",
    );
    expect(applyCommand({ kind: 'kustomize', dir: "it's $HOME; rm -rf /" })).toBe(
      "kubectl apply -k 'it'\\''s $HOME; rm -rf /'",
    );
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('./out/egress-bundle')).toBe('./out/egress-bundle');
  });
});
