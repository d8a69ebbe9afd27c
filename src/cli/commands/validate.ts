import { deriveOnce } from '../../core/derivation';
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
 * `validate`: every diagnostic of the bundle; exit 1 if any is an error (3 if the engine failed:
 * its INTERNAL-ERROR diagnostic is printed with the rest). The text format ends with a note on
 * stderr naming the resources left alone (kinds the product does not model).
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
      const derivation = deriveOnce(loaded.text, istioVersion, { graph: false });
      const items = locateDiagnostics(derivation.diagnostics, loaded.files);
      // With nothing read, a text summary ("0 errors") would read as a pass: stderr says why not.
      const stdout =
        format === 'json'
          ? formatJson(items)
          : format === 'sarif'
            ? formatSarif(items, VERSION)
            : loaded.files.length === 0 && loaded.failures.length > 0
              ? ''
              : formatText(items);
      const stderr = format === 'text' ? formatUnmodelledNote(derivation.unmodelled, loaded.files) : '';
      return {
        stdout,
        stderr,
        status: items.some((d) => d.severity === 'error') ? 1 : 0,
        internalError: derivation.internalError,
      };
    });
  },
};
