import { getBezierPath, getViewportForBounds, Position } from '@xyflow/react';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { edgeCurve, fitViewport, MAX_ZOOM, MIN_ZOOM, NODE_HEIGHT, NODE_WIDTH } from './drawing';

describe('the first paint draws what React Flow draws', () => {
  it('fits the view as React Flow fits it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ x: fc.integer({ min: -3000, max: 3000 }), y: fc.integer({ min: -3000, max: 3000 }) }),
          {
            minLength: 1,
            maxLength: 20,
          },
        ),
        fc.integer({ min: 200, max: 2500 }),
        fc.integer({ min: 200, max: 1500 }),
        (positions, width, height) => {
          const left = Math.min(...positions.map((p) => p.x));
          const top = Math.min(...positions.map((p) => p.y));
          const bounds = {
            x: left,
            y: top,
            width: Math.max(...positions.map((p) => p.x)) + NODE_WIDTH - left,
            height: Math.max(...positions.map((p) => p.y)) + NODE_HEIGHT - top,
          };
          const theirs = getViewportForBounds(bounds, width, height, MIN_ZOOM, MAX_ZOOM, 0.1);
          const ours = fitViewport(positions, width, height);
          expect(ours.zoom).toBeCloseTo(theirs.zoom, 9);
          expect(ours.x).toBeCloseTo(theirs.x, 6);
          expect(ours.y).toBeCloseTo(theirs.y, 6);
        },
      ),
    );
  });

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
        },
      ),
    );
  });
});
