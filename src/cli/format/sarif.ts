import { codeCatalogue } from '../../core/analysis/codes';
import type { LocatedDiagnostic } from './located';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

/** SARIF 2.1.0, for code-scanning dashboards; one rule per catalogue code. */
export function formatSarif(items: LocatedDiagnostic[], version: string): string {
  const rules = [...codeCatalogue.values()].map((info) => ({
    id: info.code,
    name: info.title,
    shortDescription: { text: info.title },
    fullDescription: { text: info.explanation },
    help: { text: info.fix },
    defaultConfiguration: { level: LEVEL[info.severity] },
    ...(info.related ? { properties: { related: info.related } } : {}),
  }));
  const results = items.map((d) => ({
    ruleId: d.code,
    level: LEVEL[d.severity],
    message: { text: d.resource ? `${d.message} (${d.resource}${d.path ? ` ${d.path}` : ''})` : d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: d.file },
          region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
        },
      },
    ],
  }));
  const log = {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: {
          driver: {
            name: 'egress-studio',
            version,
            informationUri: 'https://github.com/egress-studio',
            rules,
          },
        },
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
