import type { CSSProperties, ReactNode } from 'react';

import type { PaneId, PaneSizes, Splitter as SplitterId } from '../../../store/preferences';
import { Splitter } from './Splitter';

interface PaneLayoutProps {
  sizes: PaneSizes;
  collapsed: readonly PaneId[];
  /** Moves a splitter and collapses or restores a pane; both absent in the first paint. */
  onResize?: ((id: SplitterId, percent: number) => void) | undefined;
  onCollapse?: ((pane: PaneId, collapsed: boolean) => void) | undefined;
  graph: ReactNode;
  /** Left out when a design is only presented. */
  inspector?: ReactNode;
  editor: ReactNode;
  problems: ReactNode;
  /** Shown above the side panes (an opened scenario's lesson). */
  aside?: ReactNode;
}

/**
 * The designer's regions: the graph over the problems, and beside them the inspector over the YAML
 * editor, with splitters between them and a button on each to collapse it to its title bar. Sizes
 * and collapsed panes come from the user's preferences. The first paint lays out the same panes
 * with it, at the same sizes, so the graph is painted where the app then draws it.
 */
export function PaneLayout({ sizes, collapsed, onResize, onCollapse, ...panes }: PaneLayoutProps) {
  const pane = (id: PaneId, name: string, title: string | undefined, content: ReactNode) => (
    <Pane id={id} name={name} title={title} collapsed={collapsed.includes(id)} onCollapse={onCollapse}>
      {content}
    </Pane>
  );
  // Between two panes of which one is collapsed, there is nothing to resize.
  const splitter = (id: SplitterId, before: PaneId, after: PaneId | undefined) =>
    after && !collapsed.includes(before) && !collapsed.includes(after) ? (
      <Splitter id={id} value={sizes[id]} onResize={onResize} />
    ) : null;
  const style = {
    '--pane-main': `${sizes.main}%`,
    '--pane-graph': `${sizes.graph}%`,
    '--pane-inspector': `${sizes.inspector}%`,
  } as CSSProperties;
  return (
    <main className="workspace" style={style}>
      <div className="workspace-column workspace-main">
        {pane('graph', 'Egress graph', undefined, panes.graph)}
        {splitter('graph', 'graph', 'problems')}
        {pane('problems', 'Problems', 'Problems', panes.problems)}
      </div>
      <Splitter id="main" value={sizes.main} onResize={onResize} />
      <div className="workspace-column workspace-side">
        {panes.aside}
        {panes.inspector !== undefined && pane('inspector', 'Inspector', 'Inspector', panes.inspector)}
        {panes.inspector !== undefined && splitter('inspector', 'inspector', 'editor')}
        {pane('editor', 'YAML editor', 'YAML', panes.editor)}
      </div>
    </main>
  );
}

interface PaneProps {
  id: PaneId;
  /** The region's accessible name (DESIGN.md §3). */
  name: string;
  /** The visible title bar; the graph has none until it is collapsed (its button floats on it). */
  title: string | undefined;
  collapsed: boolean;
  onCollapse: ((pane: PaneId, collapsed: boolean) => void) | undefined;
  children: ReactNode;
}

function Pane({ id, name, title, collapsed, onCollapse, children }: PaneProps) {
  const toggle = (
    <button
      type="button"
      className="pane-toggle"
      aria-label={`${collapsed ? 'Restore' : 'Collapse'} ${name}`}
      title={`${collapsed ? 'Restore' : 'Collapse'} ${name}`}
      aria-expanded={!collapsed}
      onClick={() => onCollapse?.(id, !collapsed)}
    >
      <span aria-hidden="true">{collapsed ? '▸' : '▾'}</span>
    </button>
  );
  const head = title ?? (collapsed ? name : undefined);
  return (
    <section aria-label={name} className={`panel panel-${id}${collapsed ? ' pane-collapsed' : ''}`}>
      {/* One button either way (the graph's floats over it until collapsed): focus stays on it. */}
      <div className={head ? 'pane-head' : 'pane-toggle-float'}>
        {head && <h2>{head}</h2>}
        {toggle}
      </div>
      <div className="pane-body" hidden={collapsed}>
        {children}
      </div>
    </section>
  );
}
