import { deriveOnce } from '../../core/derivation';
import { expandEdges } from '../../core/graph';
import { finish, UsageError, type Command } from '../command';
import { loadInputs } from '../load';

/** `graph`: the egress graph as JSON; exit 1 if the bundle has errors (3 if the engine failed). */
export const graph: Command = {
  name: 'graph',
  usage: ['graph --format json FILE...', 'print the egress graph {nodes, edges}'],
  options: { '--format': 'json' },
  needsFiles: true,
  run({ options, files, readStdin, istioVersion }) {
    const format = options.get('--format')!;
    if (format !== 'json' && format !== 'text') throw new UsageError(`unknown format "${format}"`);
    return finish(loadInputs(files, readStdin), (loaded) => {
      const { graph, diagnostics, internalError } = deriveOnce(loaded.text, istioVersion);
      const hasErrors = diagnostics.some((d) => d.severity === 'error');
      // One edge per hop, as the contract has it (a large graph keeps shared hops once).
      const full = { nodes: graph.nodes, edges: expandEdges(graph.edges) };
      return { stdout: `${JSON.stringify(full, null, 2)}\n`, status: hasErrors ? 1 : 0, internalError };
    });
  },
};
