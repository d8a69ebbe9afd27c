import { deriveOnce } from '../../core/derivation';
import { graphToMermaid } from '../../core/export';
import { finish, type Command } from '../command';
import { loadInputs } from '../load';

/**
 * `mermaid`: the egress graph as a Mermaid flowchart; exit 1 if the bundle has errors (3 if the
 * engine failed).
 */
export const mermaid: Command = {
  name: 'mermaid',
  usage: ['mermaid FILE...', 'print the egress graph as a Mermaid flowchart'],
  options: {},
  needsFiles: true,
  run({ files, readStdin, istioVersion }) {
    return finish(loadInputs(files, readStdin), (loaded) => {
      const { graph, diagnostics, internalError } = deriveOnce(loaded.text, istioVersion);
      const hasErrors = diagnostics.some((d) => d.severity === 'error');
      return { stdout: graphToMermaid(graph), status: hasErrors ? 1 : 0, internalError };
    });
  },
};
