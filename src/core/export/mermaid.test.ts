import { describe, expect, it } from 'vitest';

import sample from '../../templates/sample-payments.yaml?raw';
import { parseBundle } from '../bundle';
import { deriveGraph } from '../graph';
import { edge, node, shopGraph } from './graph-fixtures';
import { escapeLabel, graphToMermaid } from './mermaid';

describe('graphToMermaid', () => {
  it('draws the seed-style flowchart: pods and gateway in the cluster, hosts outside, policy dotted', () => {
    expect(graphToMermaid(shopGraph())).toBe(
      [
        'flowchart LR',
        '    subgraph cluster["Kubernetes Cluster"]',
        '        subgraph pod_workload_shop["Pod: shop"]',
        '            workload_shop["Workload: shop"]',
        '            sidecar_shop["Sidecar: shop"]',
        '        end',
        '        egress_gateway_istio_egressgateway["Egress gateway: istio-egressgateway"]',
        '    end',
        '    subgraph external["External"]',
        '        external_api_example_com["External service: api.example.com"]',
        '        external_evil_example_com["External service: evil.example.com"]',
        '        external_cdn_example_com["External service: cdn.example.com"]',
        '    end',
        '    subgraph config["Istio Configuration"]',
        '        mesh_policy{{"Mesh policy: REGISTRY_ONLY"}}',
        '    end',
        '    workload_shop -->|"outbound"| sidecar_shop',
        '    mesh_policy -.->|"REGISTRY_ONLY"| sidecar_shop',
        '    sidecar_shop -->|"TLS:443 · TLS pass-through"| egress_gateway_istio_egressgateway',
        '    egress_gateway_istio_egressgateway -->|"TLS:443 · TLS pass-through"| external_api_example_com',
        '    sidecar_shop -.-x|"blocked by REGISTRY_ONLY"| external_evil_example_com',
        '    sidecar_shop -.->|"passthrough #40;unmanaged#41;"| external_cdn_example_com',
        '    classDef workload fill:#e1f5fe,stroke:#0288d1,color:#000',
        '    class workload_shop workload',
        '    classDef sidecar fill:#fff3e0,stroke:#f57c00,color:#000',
        '    class sidecar_shop sidecar',
        '    classDef egressGateway fill:#ff9800,stroke:#e65100,color:#000',
        '    class egress_gateway_istio_egressgateway egressGateway',
        '    classDef externalService fill:#c8e6c9,stroke:#388e3c,color:#000',
        '    class external_api_example_com,external_evil_example_com,external_cdn_example_com externalService',
        '    classDef meshPolicy fill:#f3e5f5,stroke:#8e24aa,color:#000',
        '    class mesh_policy meshPolicy',
        '    linkStyle 4 stroke:#d32f2f,stroke-width:2px,color:#d32f2f',
        '    linkStyle 5 stroke:#9e9e9e,stroke-width:1px,color:#616161',
        '',
      ].join('\n'),
    );
  });

  it('writes hostile labels as entity codes and hostile ids as plain identifiers', () => {
    const chart = graphToMermaid({
      nodes: [
        node('workload:a"b<script>', 'workload', 'a"b<script>alert(1)</script>'),
        node('end', 'sidecar', 'x]; click end call alert() %%'),
        node('external:#1', 'external-service', 'a|b{c}(d)[e]`f`&amp;#quot;\nnext'),
      ],
      edges: [
        edge('workload:a"b<script>', 'end', 'workload', '"]-->|x|'),
        edge('end', 'external:#1', 'direct', 'HTTP:80 · <b>TLS</b> & #35;'),
      ],
    });
    expect(chart).toContain(
      '            workload_a_b_script["Workload: a#quot;b#lt;script#gt;alert#40;1#41;#lt;/script#gt;"]',
    );
    expect(chart).toContain('            n_end["Sidecar: x#93;; click end call alert#40;#41; #37;#37;"]');
    expect(chart).toContain(
      '        external_1["External service: a#124;b#123;c#125;#40;d#41;#91;e#93;#96;f#96;#amp;amp;#35;quot; next"]',
    );
    expect(chart).toContain('    workload_a_b_script -->|"#quot;#93;--#gt;#124;x#124;"| n_end');
    expect(chart).toContain('    n_end -->|"HTTP:80 · #lt;b#gt;TLS#lt;/b#gt; #amp; #35;35;"| external_1');
    // No label can close its quotes: every `"` in the chart delimits a label.
    for (const line of chart.split('\n')) expect((line.match(/"/g) ?? []).length % 2).toBe(0);
    expect(chart).not.toMatch(/<|>(?!\|)/u);
  });

  it('keeps ids unique when different graph ids sanitise alike', () => {
    const chart = graphToMermaid({
      nodes: [node('a.b', 'workload', 'one'), node('a:b', 'workload', 'two')],
      edges: [],
    });
    expect(chart).toContain('a_b["Workload: one"]');
    expect(chart).toContain('a_b_2["Workload: two"]');
  });

  it('draws the sample with a node per graph node and a link per edge', () => {
    const graph = deriveGraph(parseBundle(sample));
    const chart = graphToMermaid(graph);
    expect(chart.match(/^ {8,}\w+(\[|\{\{)"/gm)).toHaveLength(graph.nodes.length);
    expect(chart.match(/ (-->|-\.->|-\.-x)\|/g)).toHaveLength(graph.edges.length);
  });

  it('escapes every character Mermaid reads', () => {
    expect(escapeLabel('#"<>&[](){}|`\\')).toBe(
      '#35;#quot;#lt;#gt;#amp;#91;#93;#40;#41;#123;#125;#124;#96;#92;',
    );
  });
});
