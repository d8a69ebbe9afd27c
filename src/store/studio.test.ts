import { describe, expect, it } from 'vitest';

import { LATEST_ISTIO_VERSION } from '../core';
import { createStudio } from './studio';
import { storageKeeper } from './storage-keeper';
import { STORAGE_KEY } from './persistence';
import { freshStorage, limitedStorage, SAMPLE } from './testing';

describe('the studio store', () => {
  it('opens the sample design on first run', () => {
    const studio = createStudio({ keeper: storageKeeper(freshStorage()), sample: SAMPLE });
    expect(studio.store.getState().text).toBe(SAMPLE);
    expect(studio.store.getState().notice).toBeUndefined();
    const view = studio.derived.of(SAMPLE, LATEST_ISTIO_VERSION);
    expect(view.current.graph.nodes.some((n) => n.id === 'external:api.github.com')).toBe(true);
  });

  it('makes each form edit one undo step, and redo re-applies it', () => {
    const studio = createStudio({ sample: SAMPLE });
    const { setText } = studio.store.getState();
    setText(SAMPLE.replace('DNS', 'NONE'), 'form');
    setText(SAMPLE.replace('DNS', 'STATIC'), 'form');
    studio.store.getState().undo();
    expect(studio.store.getState().text).toBe(SAMPLE.replace('DNS', 'NONE'));
    expect(studio.store.getState().origin).toBe('history');
    studio.store.getState().undo();
    expect(studio.store.getState().text).toBe(SAMPLE);
    studio.store.getState().redo();
    expect(studio.store.getState().text).toBe(SAMPLE.replace('DNS', 'NONE'));
  });

  it('merges a burst of typing into one step, and starts a new one after a pause', () => {
    let clock = 0;
    const studio = createStudio({ sample: SAMPLE, now: () => clock });
    const type = (text: string, at: number) => {
      clock = at;
      studio.store.getState().setText(text, 'editor');
    };
    type(SAMPLE + '#', 0);
    type(SAMPLE + '#a', 300);
    type(SAMPLE + '#ab', 600);
    type(SAMPLE + '#ab!', 5000);
    studio.store.getState().undo();
    expect(studio.store.getState().text).toBe(SAMPLE + '#ab');
    studio.store.getState().undo();
    expect(studio.store.getState().text).toBe(SAMPLE);
  });

  it('takes keystrokes after the frame that draws them, or at once when anything else reads the text', async () => {
    const studio = createStudio({ sample: SAMPLE });
    // An editor's model: its text, and what it reports for each keystroke.
    let model = SAMPLE;
    let reads = 0;
    const read = (typed: { start: number; end: number; length: number }) => {
      reads++;
      const before = studio.store.getState().text;
      return (
        before.slice(0, typed.start) +
        model.slice(typed.start, typed.start + typed.length) +
        before.slice(typed.end)
      );
    };
    const type = (at: number, text: string, removed = 0) => {
      model = model.slice(0, at) + text + model.slice(at + removed);
      studio.store.getState().typeText({ start: at, end: at + removed, length: text.length }, read);
    };
    type(0, '# a');
    type(3, 'b');
    type(SAMPLE.length + 4, '\n# end');
    type(1, '', 1);
    // Nothing built per keystroke: the store still has the text from before.
    expect(studio.store.getState().text).toBe(SAMPLE);
    expect(reads).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(studio.store.getState().text).toBe(model);
    expect(studio.store.getState().origin).toBe('editor');
    expect(reads).toBe(1);

    // A form edit right after typing starts from the typed text; so does undo (one step each).
    type(0, '#x\n');
    studio.store.getState().setOutboundMode('REGISTRY_ONLY');
    expect(studio.store.getState().text.startsWith('#x\n#ab')).toBe(true);
    expect(studio.store.getState().text).toContain('REGISTRY_ONLY');
    model = studio.store.getState().text; // the editor follows the form edit
    type(0, '#y\n');
    const typedBeforeUndo = model;
    studio.store.getState().undo();
    expect(studio.store.getState().text).not.toBe(typedBeforeUndo);
    studio.store.getState().redo();
    expect(studio.store.getState().text).toBe(typedBeforeUndo);
    // A snapshot (autosave, export) includes what was just typed.
    model = studio.store.getState().text;
    type(0, '#z\n');
    expect(studio.snapshot().design.text).toBe(model);
    studio.dispose();
  });

  it('restores text, positions and selection after a reload', () => {
    const storage = freshStorage();
    const first = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    first.store.getState().setText(SAMPLE.replace('github', 'gitlab'), 'form');
    first.store.getState().moveNode('external:api.github.com', { x: 10, y: 20 }, 'LR');
    first.store.getState().select('external:api.github.com');
    first.flush();
    first.dispose();
    const second = createStudio({ keeper: storageKeeper(storage), sample: 'unused' });
    const state = second.store.getState();
    expect(state.text).toBe(SAMPLE.replace('github', 'gitlab'));
    expect(state.positions).toEqual({ 'external:api.github.com': { x: 10, y: 20 } });
    expect(state.selection).toBe('external:api.github.com');
  });

  it('starts from the sample and keeps unreadable saved data aside, saying so', () => {
    const storage = freshStorage();
    storage.setItem(STORAGE_KEY, '{"version": 1, "text": ');
    const studio = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    expect(studio.store.getState().text).toBe(SAMPLE);
    expect(studio.store.getState().notice).toMatch(/could not be read/);
    const backup = Object.keys(Object.fromEntries(Object.entries(storage))).find((k) =>
      k.includes('unreadable'),
    );
    expect(backup && storage.getItem(backup)).toBe('{"version": 1, "text": ');
  });

  it('reads designs saved by the first format (the bare text)', () => {
    const storage = freshStorage();
    storage.setItem(STORAGE_KEY, JSON.stringify('kind: Namespace\n'));
    expect(createStudio({ keeper: storageKeeper(storage), sample: SAMPLE }).store.getState().text).toBe(
      'kind: Namespace\n',
    );
  });

  it('says when autosave fails instead of failing silently', () => {
    // A storage that is full: reads work, every write is refused as browsers refuse it.
    const full = limitedStorage(0);
    const studio = createStudio({ keeper: storageKeeper(full), sample: SAMPLE });
    studio.store.getState().setText(SAMPLE + '# more\n', 'form');
    studio.flush();
    expect(studio.store.getState().notice).toMatch(/Autosave failed/);
  });

  it('keeps the last good graph while the text does not parse, and names the line', () => {
    const studio = createStudio({ sample: SAMPLE });
    const good = studio.derived.of(SAMPLE, LATEST_ISTIO_VERSION);
    const broken = SAMPLE.replace('  resolution: DNS', '  resolution: [DNS');
    const view = studio.derived.of(broken, LATEST_ISTIO_VERSION);
    expect(view.blocked?.line).toBeGreaterThanOrEqual(7);
    expect(view.lastGood).toBe(good.current);
    expect(studio.derived.of(SAMPLE, LATEST_ISTIO_VERSION).blocked).toBeUndefined();
  });

  it('adds and removes resources as one undo step each', () => {
    const studio = createStudio({ sample: SAMPLE });
    const slack = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'ServiceEntry',
      metadata: { name: 'slack', namespace: 'app' },
      spec: {
        hosts: ['hooks.slack.com'],
        ports: [{ number: 443, name: 'tls', protocol: 'TLS' }],
        resolution: 'DNS',
      },
    };
    studio.store.getState().addResources([slack]);
    const added = studio.store.getState().text;
    expect(added.startsWith(SAMPLE)).toBe(true);
    expect(studio.derived.of(added, LATEST_ISTIO_VERSION).current.graph.nodes.map((n) => n.id)).toContain(
      'external:hooks.slack.com',
    );
    studio.store.getState().removeResources(['ServiceEntry/app/github']);
    const text = studio.store.getState().text;
    expect(text).not.toContain('api.github.com');
    expect(text).toContain('hooks.slack.com');
    studio.store.getState().undo();
    expect(studio.store.getState().text).toBe(added);
    studio.store.getState().undo();
    expect(studio.store.getState().text).toBe(SAMPLE);
  });

  it('opens a resource the design already has instead of adding it again, and says so', () => {
    const studio = createStudio({ sample: SAMPLE });
    const github = {
      apiVersion: 'networking.istio.io/v1beta1',
      kind: 'ServiceEntry',
      metadata: { name: 'github', namespace: 'app' },
      spec: { hosts: ['api.github.com'], resolution: 'NONE' },
    };
    const rule = {
      apiVersion: 'networking.istio.io/v1',
      kind: 'DestinationRule',
      metadata: { name: 'github', namespace: 'app' },
      spec: { host: 'api.github.com' },
    };
    studio.store.getState().addResources([github]);
    let state = studio.store.getState();
    expect(state.text).toBe(SAMPLE);
    expect(studio.store.temporal.getState().pastStates).toHaveLength(0);
    expect(state.selection).toBe('external:api.github.com');
    expect(state.notice).toBe(
      'ServiceEntry/app/github is already in the design: opened it instead of adding a copy',
    );
    // What is missing is still added.
    studio.store.getState().addResources([github, rule]);
    state = studio.store.getState();
    expect(
      studio.derived.of(state.text, state.istioVersion).current.bundle.resources.map((r) => r.ref),
    ).toEqual(['ServiceEntry/app/github', 'DestinationRule/app/github']);
    // The same name in another API group is another object.
    studio.store.getState().dismissNotice();
    studio.store.getState().addResources([{ ...github, apiVersion: 'example.com/v1' }]);
    expect(studio.store.getState().notice).toBeUndefined();
    expect(
      studio.derived.of(studio.store.getState().text, studio.store.getState().istioVersion).current.bundle
        .resources,
    ).toHaveLength(3);
  });

  it('selects the node of what the palette added', () => {
    const studio = createStudio({ sample: SAMPLE });
    studio.store.getState().addResources([
      {
        apiVersion: 'networking.istio.io/v1',
        kind: 'ServiceEntry',
        metadata: { name: 'stripe', namespace: 'app' },
        spec: { hosts: ['api.stripe.com'], ports: [{ number: 443, name: 'tls', protocol: 'TLS' }] },
      },
    ]);
    expect(studio.store.getState().selection).toBe('external:api.stripe.com');
    expect(studio.store.getState().notice).toBeUndefined();
  });

  it('asks to delete a node only when resources define it, and says so otherwise', () => {
    const studio = createStudio({ sample: SAMPLE });
    const { graph } = studio.derived.of(SAMPLE, LATEST_ISTIO_VERSION).lastGood;
    const bare = graph.nodes.find((n) => n.resources.length === 0)!;
    studio.store.getState().askToDelete(bare.id);
    let state = studio.store.getState();
    expect(state.deleting).toBeUndefined();
    expect(state.selection).toBe(bare.id);
    expect(state.notice).toMatch(/^Nothing to delete: no resource in the design defines /);
    studio.store.getState().askToDelete('external:api.github.com');
    state = studio.store.getState();
    expect(state.deleting).toBe('external:api.github.com');
  });

  it('sets the mesh outbound policy as one undoable step, adding a mesh config when there is none', () => {
    const studio = createStudio({ sample: SAMPLE });
    studio.store.getState().setOutboundMode('REGISTRY_ONLY');
    const { text } = studio.store.getState();
    expect(text).toContain('kind: IstioOperator');
    expect(
      studio.derived.of(text, LATEST_ISTIO_VERSION).current.graph.nodes.find((n) => n.kind === 'mesh-policy')
        ?.label,
    ).toBe('REGISTRY_ONLY');
    studio.store.getState().undo();
    expect(studio.store.getState().text).toBe(SAMPLE);
  });

  it('passes a form field to focus with a reveal request, until the form takes it', () => {
    const studio = createStudio({ sample: SAMPLE });
    const field = { resource: 'ServiceEntry/app/github', path: 'spec.hosts[0]' };
    studio.store.getState().reveal({ start: 0, end: 5 }, field);
    expect(studio.store.getState().revealed).toMatchObject({ range: { start: 0, end: 5 }, field });
    expect(studio.store.getState().focusRequest).toEqual(field);
    studio.store.getState().focusTaken();
    expect(studio.store.getState().focusRequest).toBeUndefined();
    // A plain reveal (no field) leaves the keyboard focus to the YAML pane.
    studio.store.getState().reveal({ start: 0, end: 5 });
    expect(studio.store.getState().revealed?.field).toBeUndefined();
  });

  it('gives a form edit its change range, so only the edited document is derived again', () => {
    const studio = createStudio({ sample: `${SAMPLE}---\n${SAMPLE.replace(/github/g, 'gitlab')}` });
    const before = studio.store.getState().text;
    const first = studio.derived.of(before, LATEST_ISTIO_VERSION).current.bundle.resources[0]!;
    studio.store.getState().editField(first.id, { kind: 'set', path: ['spec', 'resolution'], value: 'NONE' });
    const { text, change } = studio.store.getState();
    expect(text).toContain('resolution: NONE');
    expect(change?.base).toBe(before);
    expect(before.slice(change!.range.start, change!.range.end)).not.toContain('gitlab');
    expect(studio.derived.of(text, LATEST_ISTIO_VERSION, change).current.work.documentsParsed).toBe(1);
  });

  it('opens another design as one undo step, with its own positions', () => {
    const studio = createStudio({ sample: SAMPLE });
    studio.store.getState().moveNode('external:api.github.com', { x: 1, y: 2 }, 'LR');
    const other = SAMPLE.replace('api.github.com', 'api.stripe.com');
    studio.store
      .getState()
      .openDesign(other, 'template', { positions: { 'external:api.stripe.com': { x: 5, y: 6 } } });
    expect(studio.store.getState()).toMatchObject({
      text: other,
      origin: 'template',
      positions: { 'external:api.stripe.com': { x: 5, y: 6 } },
      selection: undefined,
    });
    studio.store.getState().undo();
    expect(studio.store.getState().text).toBe(SAMPLE);
  });

  it('keeps the way the graph is drawn once a node is moved or a way chosen; Auto-layout gives it back', () => {
    const storage = freshStorage();
    const studio = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    expect(studio.store.getState().direction).toBeUndefined();
    studio.store.getState().moveNode('external:api.github.com', { x: 1, y: 2 }, 'TB');
    expect(studio.store.getState().direction).toBe('TB');
    // Moved again while drawn that way: it stays.
    studio.store.getState().moveNode('external:api.github.com', { x: 3, y: 4 }, 'LR');
    expect(studio.store.getState().direction).toBe('TB');
    studio.flush();
    const reloaded = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    expect(reloaded.store.getState()).toMatchObject({
      direction: 'TB',
      positions: { 'external:api.github.com': { x: 3, y: 4 } },
    });
    reloaded.store.getState().setDirection('LR');
    expect(reloaded.store.getState()).toMatchObject({ direction: 'LR', positions: {} });
    reloaded.store.getState().resetLayout();
    expect(reloaded.store.getState()).toMatchObject({ direction: undefined, positions: {} });
  });

  it('opens a new, empty design as one undo step', () => {
    const studio = createStudio({ sample: SAMPLE });
    studio.store.getState().openDesign('', 'template');
    expect(studio.store.getState().text).toBe('');
    expect(studio.store.temporal.getState().pastStates).toHaveLength(1);
    studio.store.getState().undo();
    expect(studio.store.getState().text).toBe(SAMPLE);
  });

  it("keeps an opened scenario's lesson through edits, until dismissed (no step) or undone past", () => {
    const studio = createStudio({ sample: SAMPLE });
    const other = SAMPLE.replace('api.github.com', 'api.stripe.com');
    const lesson = { title: 'Stripe', summary: 'Registers the Stripe API.' };
    const opened = studio.store.getState().opened;
    studio.store.getState().openDesign(other, 'template', undefined, undefined, lesson);
    expect(studio.store.getState()).toMatchObject({ text: other, lesson, opened: opened + 1 });
    studio.store.getState().setText(other.replace('DNS', 'NONE'), 'form');
    expect(studio.store.getState().lesson).toEqual(lesson);
    // Undo of the edit keeps it; undo of the opening takes it away with the design, redo brings both.
    studio.store.getState().undo();
    expect(studio.store.getState().lesson).toEqual(lesson);
    studio.store.getState().undo();
    expect(studio.store.getState()).toMatchObject({ text: SAMPLE, lesson: undefined });
    studio.store.getState().redo();
    expect(studio.store.getState()).toMatchObject({ text: other, lesson });
    const steps = studio.store.temporal.getState().pastStates.length;
    studio.store.getState().dismissLesson();
    expect(studio.store.getState().lesson).toBeUndefined();
    expect(studio.store.temporal.getState().pastStates).toHaveLength(steps);
    // Opening another design puts the lesson away.
    studio.store.getState().openDesign(other, 'template', undefined, undefined, lesson);
    studio.store.getState().openDesign(SAMPLE, 'import');
    expect(studio.store.getState().lesson).toBeUndefined();
  });

  it('presents a shared design read-only: nothing changes its text, and it is not saved', () => {
    const storage = freshStorage();
    const shared = { text: SAMPLE.replace('DNS', 'NONE'), positions: {}, selection: undefined };
    const studio = createStudio({
      keeper: storageKeeper(storage),
      sample: SAMPLE,
      design: shared,
      readOnly: true,
    });
    const state = studio.store.getState();
    expect(state.text).toBe(shared.text);
    state.setText('kind: Other\n', 'editor');
    state.openDesign(SAMPLE, 'import');
    state.addResources([{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'x' } }]);
    expect(studio.store.getState().text).toBe(shared.text);
    expect(studio.store.temporal.getState().pastStates).toHaveLength(0);
    state.select('external:api.github.com');
    studio.flush();
    expect(storage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('holds one selection, a node or an edge: selecting one clears the other', () => {
    const { store } = createStudio({ sample: SAMPLE });
    store.getState().select('external:api.github.com');
    store.getState().selectEdge('sidecar:default->external:api.github.com');
    expect(store.getState()).toMatchObject({
      selection: undefined,
      edgeSelection: 'sidecar:default->external:api.github.com',
    });
    store.getState().select('sidecar:default');
    expect(store.getState()).toMatchObject({ selection: 'sidecar:default', edgeSelection: undefined });
    store.getState().selectEdge('e');
    store.getState().select(undefined);
    expect(store.getState()).toMatchObject({ selection: undefined, edgeSelection: undefined });
  });

  it('saves the graph as drawn with the design, for the next first paint', () => {
    const storage = freshStorage();
    const studio = createStudio({ keeper: storageKeeper(storage), sample: SAMPLE });
    studio.store.getState().moveNode('external:api.github.com', { x: 7, y: 8 }, 'LR');
    studio.flush();
    const saved = JSON.parse(storage.getItem(STORAGE_KEY)!) as { drawn: { nodes: { id: string }[] } };
    expect(saved.drawn.nodes).toContainEqual(
      expect.objectContaining({ id: 'external:api.github.com', x: 7, y: 8, label: 'api.github.com' }),
    );
  });

  describe('the target Istio release', () => {
    const KEEPALIVE = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: api, namespace: app}
spec:
  host: api.example.com
  trafficPolicy:
    connectionPool:
      http:
        http2KeepAlive: {interval: 30s, timeout: 5s}
`;
    const releaseErrors = (studio: ReturnType<typeof createStudio>) => {
      const { text, istioVersion } = studio.store.getState();
      return studio.derived
        .of(text, istioVersion)
        .current.diagnostics.filter((d) => d.code === 'SCHEMA-RELEASE').length;
    };

    it('is the newest by default, and each change is one undo step the views follow', () => {
      const studio = createStudio({ sample: KEEPALIVE });
      expect(studio.store.getState().istioVersion).toBe(LATEST_ISTIO_VERSION);
      expect(releaseErrors(studio)).toBe(0);
      studio.store.getState().setIstioVersion('1.30');
      expect(studio.store.getState().istioVersion).toBe('1.30');
      expect(releaseErrors(studio)).toBe(1);
      studio.store.getState().undo();
      expect(studio.store.getState().istioVersion).toBe(LATEST_ISTIO_VERSION);
      expect(releaseErrors(studio)).toBe(0);
      studio.store.getState().redo();
      expect(studio.store.getState().istioVersion).toBe('1.30');
      expect(studio.store.getState().text).toBe(KEEPALIVE);
    });

    it('refuses releases the app does not support, and changes nothing in a presented design', () => {
      const studio = createStudio({ sample: KEEPALIVE });
      studio.store.getState().setIstioVersion('1.21');
      expect(studio.store.getState().istioVersion).toBe(LATEST_ISTIO_VERSION);
      expect(studio.store.temporal.getState().pastStates).toHaveLength(0);
      const presented = createStudio({
        sample: '',
        design: { text: KEEPALIVE, istioVersion: '1.29', positions: {}, selection: undefined },
        readOnly: true,
      });
      presented.store.getState().setIstioVersion('1.31');
      expect(presented.store.getState().istioVersion).toBe('1.29');
    });

    it('is saved with the design and restored after a reload; older saves open at the newest', () => {
      const storage = freshStorage();
      const first = createStudio({ keeper: storageKeeper(storage), sample: KEEPALIVE });
      first.store.getState().setIstioVersion('1.27');
      first.flush();
      expect(
        createStudio({ keeper: storageKeeper(storage), sample: KEEPALIVE }).store.getState().istioVersion,
      ).toBe('1.27');
      storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, text: KEEPALIVE, positions: {} }));
      expect(createStudio({ keeper: storageKeeper(storage), sample: '' }).store.getState().istioVersion).toBe(
        LATEST_ISTIO_VERSION,
      );
      storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, text: KEEPALIVE, istioVersion: '0.8' }));
      expect(createStudio({ keeper: storageKeeper(storage), sample: '' }).store.getState().istioVersion).toBe(
        LATEST_ISTIO_VERSION,
      );
    });

    it('comes with a design opened in place of this one, in the same undo step', () => {
      const studio = createStudio({ sample: SAMPLE });
      studio.store.getState().openDesign(KEEPALIVE, 'import', undefined, '1.30');
      expect(studio.store.getState()).toMatchObject({ text: KEEPALIVE, istioVersion: '1.30' });
      studio.store.getState().undo();
      expect(studio.store.getState()).toMatchObject({ text: SAMPLE, istioVersion: LATEST_ISTIO_VERSION });
    });
  });
});
