/**
 * The views of the text: the engine's derivation for the design's target release, memoised per
 * text and release (so selectors return the same object until either changes), and the last
 * derivation whose text parsed, which the canvas and forms keep showing, read-only, while the
 * text is broken.
 */
import { createDeriver, type Derivation, type IstioVersion, type TextChange } from '../core';

/** Where the text stops parsing: the first YAML syntax error. */
export interface Blocked {
  line: number;
  message: string;
}

/** What the views show for one text. */
export interface View {
  current: Derivation;
  /** `current` when the text parses, else the last derivation that did. */
  lastGood: Derivation;
  blocked: Blocked | undefined;
  /** The view of the text before (without its own `previous`): lets views follow renamed nodes. */
  previous: Omit<View, 'previous'> | undefined;
}

/** Memoised derivation of the studio's text. */
export interface Derived {
  /**
   * The view of `text` for the target release; `change` says where it differs from the text it
   * was edited from, when known.
   */
  of(text: string, istioVersion: IstioVersion, change?: { base: string; range: TextChange }): View;
}

/** A derivation cache for one studio (it keeps the engine's per-document caches between edits). */
export function createDerived(): Derived {
  const derive = createDeriver();
  let last: { text: string; istioVersion: IstioVersion; view: View } | undefined;
  return {
    of(text, istioVersion, change) {
      if (last?.text === text && last.istioVersion === istioVersion) return last.view;
      // A change range is only meaningful against the text derived just before.
      const range = last && change?.base === last.text ? change.range : undefined;
      const derivation = derive(text, range, istioVersion);
      const syntax = derivation.diagnostics.find((d) => d.code === 'YAML-SYNTAX' && d.severity === 'error');
      const blocked = syntax
        ? { line: derivation.bundle.lines.positionAt(syntax.range.start).line, message: syntax.message }
        : undefined;
      const view: View = {
        current: derivation,
        lastGood: blocked && last ? last.view.lastGood : derivation,
        blocked,
        previous: last
          ? { current: last.view.current, lastGood: last.view.lastGood, blocked: last.view.blocked }
          : undefined,
      };
      last = { text, istioVersion, view };
      return view;
    },
  };
}
