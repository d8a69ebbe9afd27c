import { prepareImport, type ImportInput, type ImportResult } from '../../core/import';
import ImportWorker from './import.worker?worker';

/**
 * Reads an import in a worker, so a large file never freezes the page; where workers are not
 * available, on the main thread. A worker that fails gives a rejected import, never a hang.
 */
export function readImport(inputs: ImportInput[]): Promise<ImportResult> {
  let worker: Worker;
  try {
    worker = new ImportWorker();
  } catch {
    return Promise.resolve(prepareImport(inputs));
  }
  return new Promise<ImportResult>((resolve) => {
    worker.onmessage = (event: MessageEvent<ImportResult>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({
        ok: false,
        problems: [
          { file: inputs.map((i) => i.name).join(', '), message: `could not be read: ${event.message}` },
        ],
      });
    };
    worker.postMessage(inputs);
  });
}
