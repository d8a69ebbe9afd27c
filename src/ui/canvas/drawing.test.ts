import { getBezierPath, Position } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  chooseDirection,
  edgeCurve,
  edgeEnds,
  edgePoint,
  FIT_MARGIN,
  FIT_MAX_ZOOM,
  fitViewport,
  MINIMAP_BAND,
  NODE_HEIGHT,
  NODE_WIDTH,
  PANEL_BAND,
  READABLE_ZOOM,
} from './drawing';

/**
 * On an axis the graph overflows: the room is all graph (no empty band at either end), and it
 * starts at the first node unless that would leave the room's end empty.
 */
function overflows(start: number, end: number, first: number, roomStart: number, roomEnd: number) {
  expect(start).toBeLessThanOrEqual(roomStart + 1e-6);
  expect(end).toBeGreaterThanOrEqual(roomEnd - 1e-6);
  if (Math.abs(end - roomEnd) > 1e-6) expect(first).toBeCloseTo(roomStart, 6);
}

describe('the fit of the graph in its pane', () => {
  const positions = fc.array(
    fc.record({ x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }) }),
    { minLength: 1, maxLength: 20 },
  );
  const bounds = (points: { x: number; y: number }[]) => ({
    left: Math.min(...points.map((p) => p.x)),
    top: Math.min(...points.map((p) => p.y)),
    right: Math.max(...points.map((p) => p.x)) + NODE_WIDTH,
    bottom: Math.max(...points.map((p) => p.y)) + NODE_HEIGHT,
  });

  it('is readable, keeps the graph clear of the panels and the minimap where it fits, and starts at its first node where it does not', () => {
    fc.assert(
      fc.property(
        positions,
        fc.integer({ min: 200, max: 2500 }),
        fc.integer({ min: 300, max: 1500 }),
        fc.boolean(),
        (points, width, height, minimap) => {
          const { x, y, zoom } = fitViewport(points, width, height, minimap);
          expect(zoom).toBeGreaterThanOrEqual(READABLE_ZOOM);
          expect(zoom).toBeLessThanOrEqual(FIT_MAX_ZOOM);
          const b = bounds(points);
          const [left, right] = [x + b.left * zoom, x + b.right * zoom];
          const [top, bottom] = [y + b.top * zoom, y + b.bottom * zoom];
          const floor = height - FIT_MARGIN - (minimap ? MINIMAP_BAND : 0);
          if (right - left <= width - 2 * FIT_MARGIN + 1e-6) {
            expect(left).toBeGreaterThanOrEqual(FIT_MARGIN - 1e-6);
            expect(right).toBeLessThanOrEqual(width - FIT_MARGIN + 1e-6);
          } else overflows(left, right, x + points[0]!.x * zoom, FIT_MARGIN, width - FIT_MARGIN);
          if (bottom - top <= floor - PANEL_BAND - FIT_MARGIN + 1e-6) {
            expect(top).toBeGreaterThanOrEqual(PANEL_BAND + FIT_MARGIN - 1e-6);
            expect(bottom).toBeLessThanOrEqual(floor + 1e-6);
          } else overflows(top, bottom, y + points[0]!.y * zoom, PANEL_BAND + FIT_MARGIN, floor);
        },
      ),
    );
  });

  it('fills the pane with a graph that fits, centred', () => {
    const points = [
      { x: 0, y: 0 },
      { x: 500, y: 300 },
    ];
    const { x, y, zoom } = fitViewport(points, 1000, 800);
    // 710 × 352 in 952 × 708 free: the width decides, up to the largest fit zoom.
    expect(zoom).toBeCloseTo(Math.min(FIT_MAX_ZOOM, 952 / 710), 9);
    expect(x + (710 * zoom) / 2).toBeCloseTo(500, 6);
    expect(y + (352 * zoom) / 2).toBeCloseTo(PANEL_BAND + FIT_MARGIN + 708 / 2, 6);
  });
});

describe('the first paint draws what React Flow draws', () => {
  it('curves an edge as React Flow curves it, with its label at the same point', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -2000, max: 2000 }), { minLength: 4, maxLength: 4 }),
        ([sx, sy, tx, ty]) => {
          const [path, x, y] = getBezierPath({
            sourceX: sx!,
            sourceY: sy!,
            sourcePosition: Position.Right,
            targetX: tx!,
            targetY: ty!,
            targetPosition: Position.Left,
          });
          const ours = edgeCurve(sx!, sy!, tx!, ty!);
          expect(ours.path).toBe(path);
          expect(ours.x).toBeCloseTo(x, 9);
          expect(ours.y).toBeCloseTo(y, 9);
          // The labels' points along the curve are on the same curve: its middle is the label's point.
          const middle = edgePoint(sx!, sy!, tx!, ty!, 0.5);
          expect(middle.x).toBeCloseTo(x, 9);
          expect(middle.y).toBeCloseTo(y, 9);
        },
      ),
    );
  });
});

describe('the way the graph is drawn when the user has not chosen', () => {
  // Four ranks left to right (about 1290 px wide); the same graph top to bottom (about 830 px wide).
  const rank = (i: number) => [
    { x: i * 260, y: 0 },
    { x: i * 260, y: 96 },
  ];
  const leftToRight = [0, 1, 2, 3].flatMap(rank);
  const topDown = () => [0, 1, 2, 3].flatMap((i) => rank(i).map(({ x, y }) => ({ x: y * 2.6, y: x / 2 })));

  it('is left to right when the whole path fits at a readable zoom', () => {
    expect(chooseDirection(leftToRight, topDown, 1210, 830)).toBe('LR');
  });

  it('is top to bottom in a pane too narrow for the path, when that shows more of it', () => {
    expect(chooseDirection(leftToRight, topDown, 806, 606)).toBe('TB');
    // Top to bottom would be no better: left to right stays.
    expect(
      chooseDirection(leftToRight, () => leftToRight.map(({ x, y }) => ({ x: x * 2, y })), 806, 606),
    ).toBe('LR');
  });

  it('asks for the top-to-bottom layout only when it may need it', () => {
    let asked = 0;
    chooseDirection(leftToRight, () => (asked++, topDown()), 1920, 1080);
    expect(asked).toBe(0);
  });

  it('draws top to bottom as React Flow does from a bottom handle to a top one', () => {
    const { sx, sy, tx, ty } = edgeEnds({ x: 0, y: 0 }, { x: 300, y: 200 }, 'TB');
    expect([sx, sy, tx, ty]).toEqual([NODE_WIDTH / 2, NODE_HEIGHT, 300 + NODE_WIDTH / 2, 200]);
    const [path, x, y] = getBezierPath({
      sourceX: sx,
      sourceY: sy,
      sourcePosition: Position.Bottom,
      targetX: tx,
      targetY: ty,
      targetPosition: Position.Top,
    });
    const ours = edgeCurve(sx, sy, tx, ty, 'TB');
    expect(ours.path).toBe(path);
    expect(ours.x).toBeCloseTo(x, 9);
    expect(ours.y).toBeCloseTo(y, 9);
  });
});
