// Reads an import off the main thread: a large file (up to the 10 MiB limit) takes seconds to
// parse, and the page stays responsive meanwhile.
import { prepareImport, type ImportInput } from '../../core/import';

self.onmessage = (event: MessageEvent<ImportInput[]>) => {
  self.postMessage(prepareImport(event.data));
};
