import { analyzeBundle } from '../../core/analysis/analyze';
import { graphToMermaid } from '../../core/export';
import { deriveGraph } from '../../core/graph';
import { finish, type Command } from '../command';
import { loadInputs } from '../load';

/** `mermaid`: the egress graph as a Mermaid flowchart; exit 1 if the bundle has errors. */
export const mermaid: Command = {
  name: 'mermaid',
  usage: ['mermaid FILE...', 'print the egress graph as a Mermaid flowchart'],
  options: {},
  needsFiles: true,
  run({ files, readStdin, istioVersion }) {
    return finish(loadInputs(files, readStdin), (loaded) => {
      const hasErrors = analyzeBundle(loaded.bundle, undefined, istioVersion).some(
        (d) => d.severity === 'error',
      );
      return {
        stdout: graphToMermaid(deriveGraph(loaded.bundle, undefined, istioVersion)),
        status: hasErrors ? 1 : 0,
      };
    });
  },
};
