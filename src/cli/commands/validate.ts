import { analyzeBundle } from '../../core/analysis/analyze';
import { finish, UsageError, type Command } from '../command';
import { formatJson } from '../format/json';
import { locateDiagnostics } from '../format/located';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { loadInputs } from '../load';
import { VERSION } from '../version';

const FORMATS = ['text', 'json', 'sarif'];

/** `validate`: every diagnostic of the bundle; exit 1 if any is an error. */
export const validate: Command = {
  name: 'validate',
  usage: ['validate [--format text|json|sarif] FILE...', 'print every diagnostic; exit 1 if any error'],
  options: { '--format': 'text' },
  needsFiles: true,
  run({ options, files, readStdin, istioVersion }) {
    const format = options.get('--format')!;
    if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${format}"`);
    return finish(loadInputs(files, readStdin), (loaded) => {
      const items = locateDiagnostics(analyzeBundle(loaded.bundle, undefined, istioVersion), loaded.files);
      const stdout =
        format === 'json'
          ? formatJson(items)
          : format === 'sarif'
            ? formatSarif(items, VERSION)
            : formatText(items);
      return { stdout, status: items.some((d) => d.severity === 'error') ? 1 : 0 };
    });
  },
};
