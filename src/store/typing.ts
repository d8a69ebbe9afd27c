/**
 * Keystrokes held between the editor and the store. Building a large text and checking it per
 * keystroke would hold up drawing the keystroke: the editor notes each one here, and the text is
 * built once the frame that draws them is painted, from every keystroke since composed into one
 * change, or at once when anything reads or changes the text first.
 */
import { composeChanges, type TextChange } from '../core';
import { afterPaint } from './schedule';

/** Keystrokes not yet handed to the store. */
export interface TypingBuffer {
  /** Notes a keystroke: `change` of the text last handed over (or noted); `read` builds the text. */
  type(change: TextChange, read: (typed: TextChange) => string): void;
  /** Hands over what was typed since, if anything. */
  settle(): void;
  /** Drops what was typed since (the studio is going away). */
  cancel(): void;
}

/** A buffer handing each burst of keystrokes to `deliver` as its text and one change. */
export function createTypingBuffer(deliver: (text: string, change: TextChange) => void): TypingBuffer {
  let typed: { change: TextChange; read: (typed: TextChange) => string; cancel: () => void } | undefined;
  const settle = () => {
    const held = typed;
    if (!held) return;
    typed = undefined;
    held.cancel();
    deliver(held.read(held.change), held.change);
  };
  return {
    type(change, read) {
      if (typed) typed = { ...typed, change: composeChanges(typed.change, change), read };
      else typed = { change, read, cancel: afterPaint(settle) };
    },
    settle,
    cancel() {
      typed?.cancel();
      typed = undefined;
    },
  };
}
