import {
  layoutGraph,
  NODE_SIZE,
  type EdgeKind,
  type EgressGraph,
  type GraphEdge,
  type GraphNode,
  type LayoutDirection,
} from '../graph';
import { NODE_ROLES, roleAndLabel } from '../graph/roles';
import { EDGE_FONT, LabelPlacer, lineBaseline, type LabelBox } from './svg-labels';
import { SVG_PALETTES, type SvgPalette } from './svg-palette';

/** Node positions by node id (top-left corners), as the canvas keeps them. */
export type NodePositions = Readonly<Record<string, { x: number; y: number }>>;

/** How {@link graphToSvg} draws. */
export interface SvgOptions {
  /** Colour scheme; light by default. */
  theme?: 'light' | 'dark';
  /** The document's `<title>`; `Egress graph` by default. */
  title?: string;
  /** Which way the request path runs, as on the canvas; left to right by default. */
  direction?: LayoutDirection;
}

/** Width of a node, the same as the canvas draws. */
export const SVG_NODE_WIDTH = NODE_SIZE.width;
/** Height of a node, the same as the canvas draws. */
export const SVG_NODE_HEIGHT = NODE_SIZE.height;

const MARGIN = 24;
// Node labels are cut to what fits in the box at 13 px (the full text is in the node's <title>).
const LABEL_CHARS = 24;
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

// Dashes mark traffic that does not take a managed path (blocked, passthrough) and the policy gate.
const DASHES: Partial<Record<EdgeKind, string>> = { blocked: '6 4', passthrough: '6 4', policy: '2 3' };

// A policy edge's label repeats the mode the policy node already shows; left out, it would only
// crowd the column next to the sidecars.
const UNLABELLED: ReadonlySet<EdgeKind> = new Set(['policy']);

type Point = { x: number; y: number };

/**
 * The graph as a standalone SVG document: nodes as rounded boxes of the canvas's size with their role and label
 * in the colour of their kind, edges as curves from the right side of the source to the left side
 * of the target with their labels, blocked edges red and dashed, passthrough edges grey and
 * dashed. Positions given win; the others come from `layoutGraph`. The `viewBox` fits the content
 * with a margin, and `width`/`height` match it, so a browser can draw it onto a canvas for a PNG.
 * All text is XML-escaped. Deterministic: the same input gives the same text.
 */
export function graphToSvg(
  graph: EgressGraph,
  positions: NodePositions = {},
  options: SvgOptions = {},
): string {
  const palette = SVG_PALETTES[options.theme ?? 'light'];
  const direction = options.direction ?? 'LR';
  const laid = layoutGraph(graph, direction);
  const laidOut = new Map(laid.nodes.map((n) => [n.id, n.position]));
  // The layout's bends hold while every node is where it put them.
  const bends = Object.keys(positions).length === 0;
  const via = new Map(laid.edges.flatMap((e) => (bends && e.via ? [[e.id, e.via] as const] : [])));
  const at = new Map(graph.nodes.map((n) => [n.id, positions[n.id] ?? laidOut.get(n.id) ?? n.position]));
  const bounds = new Bounds();
  const labels = new LabelPlacer();
  const edgePaths: string[] = [];
  const edgeLabels: string[] = [];
  for (const edge of graph.edges) {
    const source = at.get(edge.source);
    const target = at.get(edge.target);
    if (!source || !target) continue;
    const across = direction === 'LR';
    const start = across
      ? { x: source.x + SVG_NODE_WIDTH, y: source.y + SVG_NODE_HEIGHT / 2 }
      : { x: source.x + SVG_NODE_WIDTH / 2, y: source.y + SVG_NODE_HEIGHT };
    const end = across
      ? { x: target.x, y: target.y + SVG_NODE_HEIGHT / 2 }
      : { x: target.x + SVG_NODE_WIDTH / 2, y: target.y };
    const points = [start, ...(via.get(edge.id) ?? []), end];
    const pieces = points.slice(1).map((q, i) => {
      const p = points[i]!;
      const bend = Math.max(40, Math.abs(across ? q.x - p.x : q.y - p.y) / 2);
      // The control points, out along the flow from each end.
      const c1 = across ? { x: p.x + bend, y: p.y } : { x: p.x, y: p.y + bend };
      const c2 = across ? { x: q.x - bend, y: q.y } : { x: q.x, y: q.y - bend };
      // A cubic stays inside the hull of its control points, so they bound it for the viewBox.
      bounds.include(c1.x, c1.y);
      bounds.include(c2.x, c2.y);
      return { c1, c2, to: q };
    });
    edgePaths.push(drawEdge(edge, start, pieces, palette));
    if (edge.label === '' || UNLABELLED.has(edge.kind)) continue;
    // The middle (t = ½) of the first piece, a symmetric cubic, is the middle of its ends.
    const first = points[1]!;
    const box = labels.place(edge.label, (start.x + first.x) / 2, (start.y + first.y) / 2);
    bounds.include(box.x, box.y);
    bounds.include(box.x + box.width, box.y + box.height);
    edgeLabels.push(drawLabel(edge, box, palette));
  }
  for (const { x, y } of at.values()) {
    bounds.include(x, y);
    bounds.include(x + SVG_NODE_WIDTH, y + SVG_NODE_HEIGHT);
  }
  const nodes = graph.nodes.map((node) => drawNode(node, at.get(node.id)!, palette));
  const { x, y, width, height } = bounds.withMargin(MARGIN);
  const viewBox = `${n(x)} ${n(y)} ${n(width)} ${n(height)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="${viewBox}" role="img" aria-labelledby="egress-graph-title" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title id="egress-graph-title">${escapeXml(options.title ?? 'Egress graph')}</title>`,
    markers(palette),
    `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" fill="${palette.background}"/>`,
    '<g class="edges" fill="none" stroke-width="1.5">',
    ...edgePaths,
    '</g>',
    '<g class="nodes">',
    ...nodes,
    '</g>',
    // Labels last, over nodes, so a label wider than the gap between two columns is still read whole.
    `<g class="edge-labels" font-size="${EDGE_FONT}" text-anchor="middle">`,
    ...edgeLabels,
    '</g>',
    '</svg>',
    '',
  ].join('\n');
}

function drawNode(node: GraphNode, { x, y }: Point, palette: SvgPalette): string {
  const colour = palette.kinds[node.kind];
  // Cut by code points, so an emoji or other astral character is never split in half.
  const chars = Array.from(node.label);
  const label = chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : node.label;
  return [
    `<g class="node node-${node.kind}" transform="translate(${n(x)} ${n(y)})">`,
    `<title>${escapeXml(roleAndLabel(node))}</title>`,
    `<rect width="${SVG_NODE_WIDTH}" height="${SVG_NODE_HEIGHT}" rx="8" fill="${palette.nodeFill}" stroke="${colour}" stroke-width="1.5"/>`,
    `<rect x="1" y="8" width="4" height="${SVG_NODE_HEIGHT - 16}" rx="2" fill="${colour}"/>`,
    `<text x="14" y="19" font-size="10" font-weight="600" fill="${colour}">${escapeXml(NODE_ROLES[node.kind])}</text>`,
    `<text x="14" y="37" font-size="13" fill="${palette.text}">${escapeXml(label)}</text>`,
    '</g>',
  ].join('');
}

function drawEdge(
  edge: GraphEdge,
  start: Point,
  pieces: { c1: Point; c2: Point; to: Point }[],
  palette: SvgPalette,
): string {
  const dash = DASHES[edge.kind];
  const marker = edge.kind === 'blocked' ? 'cross-blocked' : `arrow-${edge.kind}`;
  const d = `M${n(start.x)} ${n(start.y)} ${pieces
    .map(({ c1, c2, to }) => `C${n(c1.x)} ${n(c1.y)} ${n(c2.x)} ${n(c2.y)} ${n(to.x)} ${n(to.y)}`)
    .join(' ')}`;
  return [
    `<path class="edge edge-${edge.kind}" d="${d}" stroke="${palette.edges[edge.kind]}"`,
    edge.kind === 'blocked' ? ' stroke-width="2"' : '',
    dash ? ` stroke-dasharray="${dash}"` : '',
    ` marker-end="url(#${marker})">`,
    `<title>${escapeXml(edge.reason ? `${edge.label} — ${edge.reason}` : edge.label)}</title></path>`,
  ].join('');
}

function drawLabel(edge: GraphEdge, box: LabelBox, palette: SvgPalette): string {
  const colour = edge.kind === 'blocked' ? palette.edges.blocked : palette.muted;
  const centre = n(box.x + box.width / 2);
  const lines = box.lines.map(
    (line, index) => `<tspan x="${centre}" y="${n(lineBaseline(box.y, index))}">${escapeXml(line)}</tspan>`,
  );
  return [
    `<g class="edge-label edge-label-${edge.kind}">`,
    `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="3" fill="${palette.labelFill}" fill-opacity="0.9"/>`,
    `<text fill="${colour}">${lines.join('')}</text>`,
    '</g>',
  ].join('');
}

/** One arrowhead per edge kind in its colour (SVG 1.1 markers cannot take the stroke's); a cross for blocked. */
function markers(palette: SvgPalette): string {
  const defs = Object.entries(palette.edges).map(([kind, colour]) =>
    kind === 'blocked'
      ? `<marker id="cross-blocked" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="9" markerHeight="9" orient="auto"><path d="M1 1L9 9M9 1L1 9" stroke="${colour}" stroke-width="2" fill="none"/></marker>`
      : `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${colour}"/></marker>`,
  );
  return `<defs>${defs.join('')}</defs>`;
}

/** The smallest box around the points given; the origin alone when there are none. */
class Bounds {
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  include(x: number, y: number): void {
    this.minX = Math.min(this.minX, x);
    this.minY = Math.min(this.minY, y);
    this.maxX = Math.max(this.maxX, x);
    this.maxY = Math.max(this.maxY, y);
  }

  withMargin(margin: number): { x: number; y: number; width: number; height: number } {
    if (this.minX === Infinity) this.include(0, 0);
    return {
      x: this.minX - margin,
      y: this.minY - margin,
      width: this.maxX - this.minX + 2 * margin,
      height: this.maxY - this.minY + 2 * margin,
    };
  }
}

/** A number for an attribute: at most one decimal, no `-0`. */
function n(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

/** Escapes text for XML element content and double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return (
    text
      // Characters XML 1.0 forbids outright would make the document ill-formed: dropped.
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (c) => XML_ENTITIES[c]!)
  );
}

const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};
