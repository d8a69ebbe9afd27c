/**
 * The layout's plain facts, apart from the layout itself: the first paint reads them and must not
 * load the layout's dependencies (dagre).
 */

/**
 * Which way the request path runs on the canvas: left to right (`LR`, the default) or top to
 * bottom (`TB`, for panes narrower than the path is long).
 */
export type LayoutDirection = 'LR' | 'TB';

/** The size of every node on the canvas (and in the SVG export): the layout leaves room around it. */
export const NODE_SIZE = { width: 210, height: 52 } as const;
