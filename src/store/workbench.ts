/**
 * The workbench: which design this tab shows and how — edited here, followed read-only while
 * another tab edits it, or presented from a share link — over the library of named designs. It
 * opens, creates, renames, duplicates and deletes designs (with Undo), moves designs saved before
 * the library into it, and hands a design between tabs. Each design is edited through its own
 * studio (studio.ts); the workbench swaps studios and never changes a design's text itself.
 */
import { createStore } from 'zustand/vanilla';

import type { DesignCard, OpenedDesign, UnreadableCard } from './library';
import { libraryKeeper, type LibraryKeeper } from './library-keeper';
import { lastDesignId, rememberDesign, tabDesignId, type SavedDesign } from './persistence';
import { rescued } from './rescue';
import { moveSingleDesign, storageKeeper } from './storage-keeper';
import { createStudio } from './studio';
import type { Studio } from './studio-state';
import type { Workbench, WorkbenchMode, WorkbenchOptions, WorkbenchState } from './workbench-state';

export type * from './workbench-state';
import { holdDesign, takeDesign, waitForDesign, type DesignHold } from './tabs';

/** Deleted designs are kept this long for Undo, then removed when the list is next read. */
const KEEP_DELETED_MS = 7 * 24 * 60 * 60 * 1000;

/** Creates the workbench; `start` opens the design this tab last had (or the sample, the first time). */
export function createWorkbench(options: WorkbenchOptions): Workbench & { start(): Promise<void> } {
  const { library, storage, channel, sample, drawStill } = options;
  let hold: DesignHold | undefined;
  let keeper: LibraryKeeper | undefined;
  let stopWaiting: (() => void) | undefined;
  // Each opening counts: an older one that resolves late changes nothing.
  let opening = 0;
  // Designs found unreadable when opened (the list reads only their cards): listed as such.
  const unreadable = new Map<string, UnreadableCard>();

  // Where there is no library: the one design kept in Web Storage.
  const webStorageStudio = () => createStudio({ keeper: storageKeeper(storage), sample, drawStill });

  const store = createStore<WorkbenchState>()((set, get) => {
    /** Closes what is open here: saves it, lets go of its lock, stops listening. */
    const leave = () => {
      const { studio } = get();
      studio?.flush();
      studio?.dispose();
      keeper?.retire();
      stopWaiting?.();
      stopWaiting = undefined;
      hold?.release();
      hold = undefined;
      keeper = undefined;
    };
    const show = (mode: WorkbenchMode, studio: Studio, card: DesignCard | undefined) =>
      set({ mode, studio, card });

    /** Opens `opened` for editing here, holding its lock. */
    const edit = (saved: OpenedDesign, held: DesignHold, notice?: string) => {
      hold = held;
      // Work typed just before this design's tab went away, which the library did not get.
      const rescue = rescued(storage, saved);
      const opened = rescue ?? saved;
      keeper = libraryKeeper({ library: library!, opened, channel, storage, notice });
      rememberDesign(storage, opened.card.id);
      const studio = createStudio({ keeper, sample, drawStill });
      show('edit', studio, opened.card);
      if (rescue) keeper.keep(studio.snapshot(), (message) => studio.store.getState().notify(message));
      // The next visit paints this design first: its graph is saved for that now, not at its next edit.
      const kept = keeper;
      setTimeout(() => kept.keepStill(studio.snapshot()));
    };

    /** Shows `opened` read-only while another tab edits it; edits here once that tab lets go. */
    const follow = (opened: OpenedDesign, notice: string) => {
      const studio = createStudio({ sample, design: opened.design, readOnly: true });
      studio.store.getState().notify(notice);
      show('follow', studio, opened.card);
      const id = opened.card.id;
      const ticket = opening;
      stopWaiting = waitForDesign(
        id,
        (held) => {
          if (ticket !== opening) return held.release();
          void reopen(id, held, 'The tab that was editing this design closed: it is yours to edit here.');
        },
        () => {},
      );
    };

    /** Opens design `id` again from the library, now holding it. */
    const reopen = async (id: string, held: DesignHold, notice: string) => {
      const ticket = ++opening;
      const opened = await library!.open(id);
      if (ticket !== opening) return held.release();
      if (!opened || 'unreadable' in opened) {
        held.release();
        return get().open(await fallbackId(id));
      }
      leave();
      edit(opened, held, notice);
    };

    /** The design to open when `gone` cannot be: the most recent other, or a new one. */
    const fallbackId = async (gone?: string): Promise<string> => {
      await get().refresh();
      const other = (get().designs ?? []).find(
        (d): d is DesignCard => !('unreadable' in d) && d.id !== gone && !unreadable.has(d.id),
      );
      if (other) return other.id;
      const created = await library!.create('Untitled design', blank(''));
      return 'failed' in created ? '' : created.id;
    };

    const lost = () => {
      // Another tab took the design over ("Edit here" there): follow it from here.
      const { card, studio } = get();
      if (!card || !studio || get().mode !== 'edit') return;
      hold = undefined;
      // The other tab edits from what this one had saved: nothing more is written from here.
      keeper?.stop();
      void (async () => {
        const opened = await library!.open(card.id);
        if (!opened || 'unreadable' in opened) return;
        leave();
        follow(
          opened,
          'This design is now being edited in another tab: it is shown here read-only, as it is saved there.',
        );
      })();
    };

    channel.listen((message) => {
      const { card, studio, mode } = get();
      if (message.type === 'designs') return void get().refresh();
      if (!card || message.id !== card.id) return;
      if (message.type === 'save-now' && mode === 'edit') {
        studio?.flush();
        void keeper?.idle().then((revision) => channel.post({ type: 'saved-all', id: card.id, revision }));
      } else if (message.type === 'saved' && mode === 'follow') {
        void library?.open(card.id).then((opened) => {
          if (
            opened &&
            !('unreadable' in opened) &&
            get().card?.id === opened.card.id &&
            get().mode === 'follow'
          ) {
            get().studio?.store.getState().follow(opened.design);
            set({ card: opened.card });
          }
        });
      }
      if (message.type === 'saved') void get().refresh();
    });

    const changed = () => {
      channel.post({ type: 'designs' });
      return get().refresh();
    };

    return {
      mode: 'opening',
      studio: undefined,
      card: undefined,
      designs: library ? [] : undefined,
      deleted: undefined,
      listShown: false,
      showList(listShown) {
        set({ listShown });
      },
      async open(id) {
        if (!library) return;
        const ticket = ++opening;
        const opened = await library.open(id);
        if (ticket !== opening) return;
        if (!opened || 'unreadable' in opened) {
          if (opened) unreadable.set(id, opened);
          const next = await fallbackId(id);
          if (ticket !== opening) return;
          if (next && next !== id) await get().open(next);
          if (opened) get().studio?.store.getState().notify(unreadableNotice());
          return;
        }
        leave();
        const held = await holdDesign(id, lost);
        if (ticket !== opening) return held?.release();
        if (held) edit(opened, held);
        else
          follow(
            opened,
            `"${opened.card.name}" is open for editing in another tab: it is shown here read-only, as it is saved there. Choose "Edit here" to edit it in this tab instead.`,
          );
        void get().refresh();
      },
      async create(name, design) {
        if (!library)
          return get()
            .studio?.store.getState()
            .openDesign(design?.text ?? '', 'template');
        const names = new Set((get().designs ?? []).flatMap((d) => ('name' in d ? [d.name] : [])));
        const created = await library.create(freeName(name ?? 'Untitled design', names), design ?? blank(''));
        if ('failed' in created) {
          get().studio?.store.getState().notify(`The design could not be added (${created.failed}).`);
          return;
        }
        await changed();
        await get().open(created.id);
      },
      async rename(id, name) {
        const trimmed = name.trim();
        if (!library || !trimmed) return;
        const card = await library.rename(id, trimmed);
        if (card && get().card?.id === id) set({ card });
        await changed();
      },
      async duplicate(id) {
        if (!library) return;
        if (id === get().card?.id) {
          get().studio?.flush();
          await keeper?.idle();
        }
        const opened = await library.open(id);
        if (!opened || 'unreadable' in opened) return;
        await get().create(`${opened.card.name} (copy)`, opened.design);
      },
      async remove(id) {
        if (!library) return;
        const card = await library.markDeleted(id, true);
        if (!card) await library.purge(id);
        set({ deleted: card });
        await changed();
        if (get().card?.id === id) await get().open(await fallbackId(id));
      },
      async undoRemove() {
        const { deleted } = get();
        if (!library || !deleted) return;
        await library.markDeleted(deleted.id, false);
        set({ deleted: undefined });
        await changed();
        await get().open(deleted.id);
      },
      async purgeUnreadable(id) {
        if (!library) return;
        await library.purge(id);
        unreadable.delete(id);
        await changed();
      },
      async editHere() {
        const { card, mode } = get();
        if (!library || !card || mode !== 'follow') return;
        const ticket = ++opening;
        stopWaiting?.();
        stopWaiting = undefined;
        const taken = await takeDesign(card.id, channel, lost);
        if (ticket !== opening) return taken.hold.release();
        await reopen(
          card.id,
          taken.hold,
          `"${card.name}" is now edited here; the other tab shows it read-only.`,
        );
      },
      present(design, notice) {
        ++opening;
        leave();
        const studio = createStudio({ sample, design, readOnly: true });
        if (notice) studio.store.getState().notify(notice);
        show('shared', studio, undefined);
      },
      async editCopy() {
        const { studio, mode } = get();
        if (!studio || mode !== 'shared') return;
        const { text, positions, direction, istioVersion } = studio.store.getState();
        const copy: SavedDesign = { text, positions, direction, istioVersion, selection: undefined };
        if (!library) {
          // One design in Web Storage: the copy replaces it, one Undo away.
          leave();
          const own = webStorageStudio();
          own.store.getState().openDesign(text, 'import', { positions, direction }, istioVersion);
          show('edit', own, undefined);
          return;
        }
        await get().create('Shared design', copy);
        get()
          .studio?.store.getState()
          .notify(
            `The shared design is now one of your designs, "${get().card?.name ?? 'Shared design'}"; your other designs are unchanged, under Designs.`,
          );
      },
      async refresh() {
        if (!library) return;
        const all = await library.list();
        const now = Date.now();
        for (const card of all)
          if ('deletedAt' in card && card.deletedAt !== undefined && now - card.deletedAt > KEEP_DELETED_MS)
            void library.purge(card.id);
        set({
          designs: all
            .filter((d) => 'unreadable' in d || d.deletedAt === undefined)
            .map((d) => unreadable.get(d.id) ?? d),
        });
      },
      close() {
        const { studio, mode } = get();
        studio?.flush();
        if (studio && mode === 'edit') keeper?.rescue(studio.snapshot());
      },
    };
  });

  /** Opens what this tab had, or what was saved last, moving a design saved before the library in. */
  const start = async () => {
    if (!library) {
      const studio = webStorageStudio();
      if (options.refused)
        studio.store
          .getState()
          .notify(
            `Your saved designs could not be read (${options.refused}). They are left as they are; this tab keeps its work in this browser's Web Storage instead. Export to keep a copy.`,
          );
      store.setState({ mode: 'edit', studio });
      return;
    }
    const moved = await moveSingleDesign(library, storage);
    await store.getState().refresh();
    const readable = (store.getState().designs ?? []).filter((d): d is DesignCard => !('unreadable' in d));
    const wanted = [tabDesignId(), moved?.id, lastDesignId(storage)].find(
      (id) => id && readable.some((d) => d.id === id),
    );
    const id = wanted ?? readable[0]?.id;
    if (id) return store.getState().open(id);
    const created = await library.create('Sample design', blank(sample));
    if ('failed' in created) {
      // IndexedDB refuses writes (full, or a browser setting): keep the one design in Web Storage.
      const studio = webStorageStudio();
      store.setState({ mode: 'edit', studio, designs: undefined });
      return;
    }
    await store.getState().refresh();
    await store.getState().open(created.id);
  };

  return Object.assign(store, { start });
}

function blank(text: string): SavedDesign {
  return { text, positions: {}, selection: undefined };
}

/** `name`, or `name 2`, `name 3`… when a design has it already. */
function freeName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  for (let n = 2; ; n++) if (!taken.has(`${name} ${n}`)) return `${name} ${n}`;
}

function unreadableNotice(): string {
  return 'A saved design could not be read. It is kept as it is, listed under Designs with Export.';
}
