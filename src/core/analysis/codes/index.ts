import type { CodeInfo } from '../types';
import { analyzerCodes } from './analyzer';
import { destinationRuleCodes } from './destination-rule';
import { gatewayCodes } from './gateway';
import { generalCodes } from './general';
import { kubeAnalyzerCodes } from './kube';
import { practiceCodes } from './practice';
import { serviceEntryCodes } from './service-entry';
import { sidecarCodes } from './sidecar';
import { virtualServiceCodes } from './virtual-service';

const all: CodeInfo[] = [
  ...generalCodes,
  ...serviceEntryCodes,
  ...destinationRuleCodes,
  ...virtualServiceCodes,
  ...gatewayCodes,
  ...sidecarCodes,
  ...analyzerCodes,
  ...kubeAnalyzerCodes,
  ...practiceCodes,
];

/** Every diagnostic code the engine can report, keyed by code. */
export const codeCatalogue: ReadonlyMap<string, CodeInfo> = new Map(all.map((info) => [info.code, info]));

/** The catalogue entry for a code; throws for an unknown code (a programming error). */
export function codeInfo(code: string): CodeInfo {
  const info = codeCatalogue.get(code);
  if (!info) throw new Error(`Unknown diagnostic code ${code}`);
  return info;
}
