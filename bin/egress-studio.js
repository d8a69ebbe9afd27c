#!/usr/bin/env node
// Published entry point: the CLI bundled by `npm run build:cli` into dist-cli/.
import '../dist-cli/egress-studio.js';
