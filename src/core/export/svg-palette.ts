import type { EdgeKind, NodeKind } from '../graph';

/** The colours of an exported picture of the graph. */
export interface SvgPalette {
  background: string;
  nodeFill: string;
  text: string;
  muted: string;
  /** Label plates under edge labels, so labels stay legible over edges. */
  labelFill: string;
  kinds: Record<NodeKind, string>;
  edges: Record<EdgeKind, string>;
}

// The app's own colours (ui/app/app.css), so an exported picture looks like the canvas.
const LIGHT_KINDS: Record<NodeKind, string> = {
  workload: '#8250df',
  sidecar: '#0969da',
  'egress-gateway': '#bf8700',
  'external-service': '#1a7f37',
  'mesh-policy': '#cf222e',
};

// On a dark background the light theme's kind colours are too dim: GitHub's dark variants.
const DARK_KINDS: Record<NodeKind, string> = {
  workload: '#a371f7',
  sidecar: '#58a6ff',
  'egress-gateway': '#d29922',
  'external-service': '#3fb950',
  'mesh-policy': '#ff7b72',
};

/** Light and dark palettes for `graphToSvg`. */
export const SVG_PALETTES: Readonly<Record<'light' | 'dark', SvgPalette>> = {
  light: {
    background: '#f6f7f9',
    nodeFill: '#ffffff',
    text: '#1b1f24',
    muted: '#57606a',
    labelFill: '#ffffff',
    kinds: LIGHT_KINDS,
    edges: {
      workload: '#8c959f',
      policy: '#cf222e',
      direct: '#57606a',
      'to-gateway': '#bf8700',
      'via-gateway': '#bf8700',
      passthrough: '#8c959f',
      blocked: '#cf222e',
    },
  },
  dark: {
    background: '#0f1318',
    nodeFill: '#1f262e',
    text: '#e6edf3',
    muted: '#9da7b3',
    labelFill: '#171c22',
    kinds: DARK_KINDS,
    edges: {
      workload: '#6e7681',
      policy: '#ff7b72',
      direct: '#9da7b3',
      'to-gateway': '#d29922',
      'via-gateway': '#d29922',
      passthrough: '#6e7681',
      blocked: '#ff7b72',
    },
  },
};
