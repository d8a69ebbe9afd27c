// The Element Timing attribute (https://wicg.github.io/element-timing/): the browser reports when the
// marked text is first painted, which is how the bench times the first graph on screen.
import 'react';

declare module 'react' {
  // Merged into React's own declaration, whose type parameter it must repeat.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
