import { Component, type ErrorInfo, type ReactNode } from 'react';

import type { Studio } from '../../store';
import { download } from '../shared/download';

interface CrashGuardProps {
  studio: Studio;
  children: ReactNode;
}

/**
 * The last line of defence: should a view fail while drawing (a defect of ours), the page does not
 * go blank. A banner says what failed, keeps the design (the store outlives its views, and it was
 * saved) and offers to download its text or to open the app again.
 */
export class CrashGuard extends Component<CrashGuardProps, { failure: Error | undefined }> {
  override state = { failure: undefined as Error | undefined };

  static getDerivedStateFromError(failure: unknown) {
    return { failure: failure instanceof Error ? failure : new Error(String(failure)) };
  }

  override componentDidCatch(failure: unknown, info: ErrorInfo) {
    // Kept for whoever reports it: the console is where a developer looks.
    console.error('Egress Studio failed while drawing', failure, info.componentStack);
    this.props.studio.flush();
  }

  override render() {
    const { failure } = this.state;
    if (!failure) return this.props.children;
    const { text } = this.props.studio.store.getState();
    return (
      <div className="shell">
        <header className="shell-header">
          <h1>Egress Studio</h1>
        </header>
        <div className="banner banner-blocked crash-banner" role="alert">
          <p>
            Something went wrong while drawing the app ({failure.message}). This is a defect in Egress Studio,
            not in your design. Your design is kept: it was saved, and you can download its text now.
          </p>
          <p className="crash-actions">
            <button
              type="button"
              className="button-primary"
              onClick={() => download('egress-design.yaml', text, 'application/yaml')}
            >
              Download the design (YAML)
            </button>
            <button type="button" onClick={() => location.reload()}>
              Open the app again
            </button>
          </p>
        </div>
        <pre className="crash-text" aria-label="Your design">
          {text}
        </pre>
      </div>
    );
  }
}
