import { analyzeBundle } from '../../core/analysis/analyze';
import { buildModel } from '../../core/istio/model';
import { finish, UsageError, type Command } from '../command';
import { formatJson } from '../format/json';
import { locateDiagnostics } from '../format/located';
import { formatSarif } from '../format/sarif';
import { formatText } from '../format/text';
import { formatUnmodelledNote } from '../format/unmodelled';
import { loadInputs } from '../load';
import { VERSION } from '../version';

const FORMATS = ['text', 'json', 'sarif'];

/**
 * `validate`: every diagnostic of the bundle; exit 1 if any is an error. The text format ends with
 * a note on stderr naming the resources left alone (kinds the product does not model).
 */
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
      const stderr =
        format === 'text' ? formatUnmodelledNote(buildModel(loaded.bundle).unmodelled, loaded.files) : '';
      return { stdout, stderr, status: items.some((d) => d.severity === 'error') ? 1 : 0 };
    });
  },
};
