import { useEffect, useId, useMemo, useState } from 'react';

import { codeInfo } from '../../core';
import { useStudioApi } from '../../store';
import type { Scenario } from '../../templates/scenarios';
import { Modal } from '../shared/Modal';
import { mergeInto } from './merge';

/**
 * The scenario gallery: every configuration of the seed document and the Istio egress tasks, found
 * by words or tags, opened in place of the design or merged into it. The catalogue is loaded only
 * when the gallery opens (it is not needed to draw the first graph).
 */
export function ScenarioGallery({ onClose }: { onClose: () => void }) {
  const [scenarios, setScenarios] = useState<readonly Scenario[] | undefined>(undefined);
  const [query, setQuery] = useState('');
  const [tags, setTags] = useState<ReadonlySet<string>>(new Set());
  const searchId = useId();
  useEffect(() => {
    let live = true;
    void import('../../templates/scenarios').then(({ SCENARIOS }) => live && setScenarios(SCENARIOS));
    return () => {
      live = false;
    };
  }, []);
  const allTags = useMemo(() => [...new Set((scenarios ?? []).flatMap((s) => s.tags))].sort(), [scenarios]);
  const shown = useMemo(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    return (scenarios ?? []).filter(
      (s) =>
        [...tags].every((tag) => s.tags.includes(tag)) &&
        words.every((word) =>
          [s.title, s.summary, s.id, ...s.tags, ...s.sources].some((field) =>
            field.toLowerCase().includes(word),
          ),
        ),
    );
  }, [scenarios, query, tags]);
  const toggle = (tag: string) =>
    setTags((current) => {
      const next = new Set(current);
      if (!next.delete(tag)) next.add(tag);
      return next;
    });

  return (
    <Modal title="Scenarios" onClose={onClose} className="modal-wide">
      <div className="gallery-filters">
        <label htmlFor={searchId}>Search</label>
        <input
          id={searchId}
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="mutual TLS, circuit breaker, wildcard…"
          autoFocus
        />
        <div role="group" aria-label="Tags" className="gallery-tags">
          {allTags.map((tag) => (
            <button key={tag} type="button" aria-pressed={tags.has(tag)} onClick={() => toggle(tag)}>
              {tag}
            </button>
          ))}
        </div>
      </div>
      {scenarios === undefined ? (
        <p className="muted">Loading the scenarios…</p>
      ) : (
        <>
          <p className="muted" role="status">
            {shown.length} of {scenarios.length} scenarios
          </p>
          <ul className="gallery-list">
            {shown.map((scenario) => (
              <ScenarioCard key={scenario.id} scenario={scenario} onOpened={onClose} />
            ))}
          </ul>
        </>
      )}
    </Modal>
  );
}

function ScenarioCard({ scenario, onOpened }: { scenario: Scenario; onOpened: () => void }) {
  const { store } = useStudioApi();
  const headingId = useId();
  const { warnings, info } = scenario.expected;
  return (
    <li className="gallery-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{scenario.title}</h3>
      <p>{scenario.summary}</p>
      {scenario.seedFix && (
        <details className="gallery-fix">
          <summary>Corrected from the original</summary>
          {scenario.seedFix}
        </details>
      )}
      <p className="muted gallery-meta">{scenario.sources.join(' · ')}</p>
      {warnings.length + info.length > 0 && (
        <p className="muted gallery-meta">
          Shows: {[...warnings, ...info].map((code) => codeInfo(code).title).join('; ')}
        </p>
      )}
      <div className="palette-actions">
        <button
          type="button"
          aria-label={`Open ${scenario.title}`}
          onClick={() => {
            const { title, summary, text } = scenario;
            store.getState().openDesign(text, 'template', undefined, undefined, { title, summary });
            onOpened();
          }}
        >
          Open
        </button>
        <button
          type="button"
          aria-label={`Merge ${scenario.title} into the design`}
          onClick={() => {
            mergeInto(store.getState(), scenario.text, 'template');
            onOpened();
          }}
        >
          Merge
        </button>
      </div>
    </li>
  );
}
