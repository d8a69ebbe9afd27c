/**
 * Tabs of the app in one browser agree on who edits a design: one tab at a time holds its lock
 * (Web Locks), the others show it read-only and follow its saves (BroadcastChannel). A tab takes
 * the lock over ("Edit here") after the holder has saved what it had; a holder that closes lets
 * the next tab waiting edit. Where the browser has neither API, every tab edits, and the library's
 * revisions still keep any tab from writing over newer work.
 */

/** What tabs tell each other about a design. */
export type TabMessage =
  /** A tab saved the design at this revision. */
  | { type: 'saved'; id: string; revision: number }
  /** A tab asks the holder to save now: it is about to take the design over. */
  | { type: 'save-now'; id: string }
  /** The holder saved what it had (at this revision). */
  | { type: 'saved-all'; id: string; revision: number }
  /** The list of designs changed (created, renamed, deleted). */
  | { type: 'designs' };

/** The channel between tabs of the app (a no-op where BroadcastChannel is missing). */
export interface TabChannel {
  post(message: TabMessage): void;
  listen(on: (message: TabMessage) => void): () => void;
  close(): void;
}

/** Opens the channel the app's tabs share. */
export function openTabChannel(name = 'egress-studio'): TabChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {}, listen: () => () => {}, close() {} };
  const channel = new BroadcastChannel(name);
  return {
    post: (message) => channel.postMessage(message),
    listen(on) {
      const handler = (event: MessageEvent<TabMessage>) => on(event.data);
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}

/** This tab's hold on a design: released when the design closes here, or lost to another tab. */
export interface DesignHold {
  /** Gives the design up (another design opens here, or the page goes away). */
  release(): void;
}

/** How long the holder has to save before a tab that asked takes the design over anyway. */
const HANDOVER_WAIT_MS = 1500;

const lockName = (id: string) => `egress-studio:design:${id}`;

function locks(): LockManager | undefined {
  return typeof navigator !== 'undefined' ? navigator.locks : undefined;
}

/**
 * Tries to hold the design for editing in this tab. Resolves with the hold, or undefined when
 * another tab holds it; `lost` runs should another tab take it over later.
 */
export async function holdDesign(id: string, lost: () => void): Promise<DesignHold | undefined> {
  const manager = locks();
  if (!manager) return { release() {} };
  return new Promise((resolve) => {
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    manager
      .request(lockName(id), { ifAvailable: true }, (lock) => {
        if (!lock) {
          resolve(undefined);
          return undefined;
        }
        resolve({ release });
        return held;
      })
      // Rejected when another tab steals the lock ("Edit here" there).
      .catch(lost);
  });
}

/**
 * Waits for the design to be free (the holding tab closed or gave it up) and holds it then. The
 * returned function stops waiting.
 */
export function waitForDesign(id: string, got: (hold: DesignHold) => void, lost: () => void): () => void {
  const manager = locks();
  if (!manager) return () => {};
  const abort = new AbortController();
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  manager
    .request(lockName(id), { signal: abort.signal }, () => {
      got({ release });
      return held;
    })
    .catch((error: unknown) => {
      if (!abort.signal.aborted) lost();
      void error;
    });
  return () => abort.abort();
}

/**
 * Takes the design over from the tab holding it: asks it to save first (over `channel`), waits for
 * that (or a moment), then takes the lock. Resolves with the hold and the revision the holder saved.
 */
export async function takeDesign(
  id: string,
  channel: TabChannel,
  lost: () => void,
): Promise<{ hold: DesignHold; revision: number | undefined }> {
  const manager = locks();
  let revision: number | undefined;
  await new Promise<void>((done) => {
    const timer = setTimeout(finish, HANDOVER_WAIT_MS);
    const stop = channel.listen((message) => {
      if (message.type === 'saved-all' && message.id === id) {
        revision = message.revision;
        finish();
      }
    });
    function finish() {
      clearTimeout(timer);
      stop();
      done();
    }
    channel.post({ type: 'save-now', id });
  });
  if (!manager) return { hold: { release() {} }, revision };
  const hold = await new Promise<DesignHold>((resolve) => {
    let release!: () => void;
    const held = new Promise<void>((done) => (release = done));
    manager
      .request(lockName(id), { steal: true }, () => {
        resolve({ release });
        return held;
      })
      .catch(lost);
  });
  return { hold, revision };
}
