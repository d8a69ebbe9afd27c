// The entry of index.html's inline script (see scripts/first-paint-plugin.ts).
import { paintFirstFrame } from './paint';

const root = document.getElementById('root');
if (root) paintFirstFrame(root);
