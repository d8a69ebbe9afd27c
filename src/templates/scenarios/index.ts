/** The scenario gallery's data: ready-made egress bundles with what each one teaches. */
export { SCENARIO_TAGS, SCENARIOS, scenarioById } from './catalogue';
export type { Scenario, ScenarioExpectation, ScenarioTag } from './catalogue';
