/**
 * A kustomize `Kustomization` listing the given files as its resources, sorted so the text does
 * not depend on bundle order. Paths are safe `[a-z0-9._/-]` strings, so they need no quoting.
 */
export function kustomizationText(paths: readonly string[]): string {
  const resources = [...paths].sort().map((path) => `  - ${path}\n`);
  return [
    'apiVersion: kustomize.config.k8s.io/v1beta1\n',
    'kind: Kustomization\n',
    resources.length > 0 ? `resources:\n${resources.join('')}` : 'resources: []\n',
  ].join('');
}
