import { describe, expect, it } from 'vitest';

import sample from '../../templates/sample-payments.yaml?raw';
import { parseBundle } from '../bundle';
import { deriveGraph, layoutGraph } from '../graph';
import { edge, node, shopGraph } from './graph-fixtures';
import { escapeXml, graphToSvg } from './svg';

/**
 * A small well-formedness check (node has no DOMParser): tags nest and close, attribute values
 * are quoted, and text holds no raw `<` and no `&` outside the five XML entities.
 */
function expectWellFormed(svg: string): void {
  const body = svg.replace(/^<\?xml[^?]*\?>\n/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let at = 0;
  while (at < body.length) {
    const open = body.indexOf('<', at);
    const text = body.slice(at, open === -1 ? body.length : open);
    expect(text).not.toMatch(/>|&(?!(amp|lt|gt|quot|apos);)/);
    if (open === -1) break;
    tag.lastIndex = open;
    const match = tag.exec(body);
    expect(match, `a well-formed tag at ${body.slice(open, open + 60)}`).not.toBeNull();
    const [whole, closing, name, attributes, selfClosing] = match!;
    expect(attributes).not.toMatch(/&(?!(amp|lt|gt|quot|apos);)/);
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) stack.push(name!);
    at = open + whole.length;
  }
  expect(stack).toEqual([]);
}

const count = (svg: string, pattern: RegExp) => svg.match(pattern)?.length ?? 0;

describe('graphToSvg', () => {
  it('draws a well-formed standalone SVG with a box per node and a curve per edge', () => {
    const graph = shopGraph();
    const svg = graphToSvg(graph);
    expectWellFormed(svg);
    expect(svg).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" /,
    );
    expect(svg).toContain('<title id="egress-graph-title">Egress graph</title>');
    expect(count(svg, /<g class="node /g)).toBe(graph.nodes.length);
    expect(count(svg, /<rect width="210" height="52" rx="8"/g)).toBe(graph.nodes.length);
    expect(count(svg, /<path class="edge /g)).toBe(graph.edges.length);
    for (const n of graph.nodes) expect(svg).toContain(`>${n.label}</text>`);
    expect(svg).toContain('<title>Egress gateway: istio-egressgateway</title>');
  });

  it('draws blocked edges red and dashed, passthrough edges grey and dashed, each from right to left', () => {
    const svg = graphToSvg(shopGraph());
    const path = (kind: string) =>
      svg.split('\n').find((line) => line.startsWith(`<path class="edge edge-${kind}"`))!;
    expect(path('blocked')).toContain('stroke="#cf222e" stroke-width="2" stroke-dasharray="6 4"');
    expect(path('blocked')).toContain('marker-end="url(#cross-blocked)"');
    expect(path('passthrough')).toContain('stroke="#8c959f" stroke-dasharray="6 4"');
    expect(path('to-gateway')).not.toContain('dasharray');
    // The sidecar (second column, x 260) sends from its right side (x 470) to the gateway's left (670).
    expect(path('to-gateway')).toMatch(/ d="M470 \d+ C\S+ \S+ \S+ \S+ 670 \d+"/);
    expect(svg).toContain('>blocked by REGISTRY_ONLY</tspan>');
    expect(svg).toContain('>TLS:443</tspan>');
    expect(svg).toContain('>TLS pass-through</tspan>');
  });

  it('draws top to bottom when asked, each edge from the bottom of its source to the top of its target', () => {
    const graph = shopGraph();
    const svg = graphToSvg(graph, {}, { direction: 'TB' });
    const laid = layoutGraph(graph, 'TB');
    const hop = graph.edges.find((e) => e.kind === 'to-gateway')!;
    const [from, to] = [hop.source, hop.target].map((id) => laid.nodes.find((n) => n.id === id)!.position);
    const path = svg.split('\n').find((line) => line.startsWith('<path class="edge edge-to-gateway"'))!;
    const [sx, sy, tx, ty] = [from!.x + 105, from!.y + 52, to!.x + 105, to!.y];
    // Control points straight below the source and above the target.
    expect(path).toMatch(new RegExp(` d="M${sx} ${sy} C${sx} \\S+ ${tx} \\S+ ${tx} ${ty}"`));
  });

  it('uses given positions over the layout, and fits the viewBox around them with a margin', () => {
    const graph = { nodes: [node('a', 'workload', 'a'), node('b', 'sidecar', 'b')], edges: [] };
    const svg = graphToSvg(graph, { a: { x: -100, y: 50 }, b: { x: 400, y: 300 } });
    expect(svg).toContain('transform="translate(-100 50)"');
    expect(svg).toContain('transform="translate(400 300)"');
    // From (-100, 50) to (400 + 210, 300 + 52), 24 around.
    expect(svg).toContain('width="758" height="350" viewBox="-124 26 758 350"');
    const laidOut = graphToSvg(graph, { a: { x: -100, y: 50 } });
    expect(laidOut).toContain('transform="translate(260 0)"');
  });

  it('escapes hostile labels and cuts long ones, keeping the full text in the title', () => {
    const hostile = "a\"b<script>alert('x')</script>&amp; that goes on and on";
    const graph = {
      nodes: [node('w', 'workload', hostile), node('e', 'external-service', '🚀'.repeat(30))],
      edges: [edge('w', 'e', 'direct', '<b>HTTP</b>:80 · "TLS" & co')],
    };
    const svg = graphToSvg(graph, {}, { title: 'Design <1> & "2"' });
    expectWellFormed(svg);
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain(`<title>Workload: ${escapeXml(hostile)}</title>`);
    expect(svg).toContain('>a&quot;b&lt;script&gt;alert(&apos;x&apos;)&lt;/…</text>');
    expect(svg).toContain(`>${'🚀'.repeat(23)}…</text>`);
    expect(svg).toContain('>&lt;b&gt;HTTP&lt;/b&gt;:80</tspan>');
    expect(svg).toContain('>&quot;TLS&quot; &amp; co</tspan>');
    expect(svg).toContain('<title id="egress-graph-title">Design &lt;1&gt; &amp; &quot;2&quot;</title>');
  });

  it('draws the sample in both palettes', () => {
    const graph = deriveGraph(parseBundle(sample));
    const light = graphToSvg(graph);
    const dark = graphToSvg(graph, {}, { theme: 'dark' });
    for (const svg of [light, dark]) {
      expectWellFormed(svg);
      expect(count(svg, /<g class="node /g)).toBe(graph.nodes.length);
      for (const n of graph.nodes) expect(svg).toContain(`>${escapeXml(n.label)}</text>`);
    }
    expect(light).toContain('fill="#f6f7f9"');
    expect(dark).toContain('fill="#0f1318"');
    expect(dark).not.toBe(light);
  });

  it('draws an empty graph as an empty picture', () => {
    const svg = graphToSvg({ nodes: [], edges: [] });
    expectWellFormed(svg);
    expect(svg).toContain('viewBox="-24 -24 48 48"');
  });

  it('drops characters XML cannot hold', () => {
    expect(escapeXml('a\u0000b\u001bc\td\n')).toBe('abc\td\n');
  });
});
