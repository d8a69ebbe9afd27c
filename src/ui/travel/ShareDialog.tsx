import { useId, useMemo, useState } from 'react';

import { useStudio } from '../../store';
import { shareLink } from '../../store/share';
import { Modal } from '../shared/Modal';
import { copyText } from '../shared/download';

/**
 * Share: a link that carries the whole design in its fragment (never sent to a server). Whoever
 * opens it sees the design read-only and can edit a copy. Too large a design says so and points
 * to Export instead.
 */
export function ShareDialog({ onClose, onExport }: { onClose: () => void; onExport: () => void }) {
  const text = useStudio((s) => s.text);
  const positions = useStudio((s) => s.positions);
  const direction = useStudio((s) => s.direction);
  const istioVersion = useStudio((s) => s.istioVersion);
  const id = useId();
  const [copied, setCopied] = useState<string | undefined>(undefined);
  const link = useMemo(
    () => shareLink(`${location.origin}${location.pathname}`, { text, positions, direction, istioVersion }),
    [text, positions, direction, istioVersion],
  );
  return (
    <Modal title="Share" onClose={onClose}>
      {link.ok ? (
        <>
          <p>
            Anyone with this link sees this design read-only and can edit a copy. The design travels inside
            the link itself ({link.chars.toLocaleString('en')} characters): nothing is uploaded.
          </p>
          <label htmlFor={`${id}-link`}>Link</label>
          <input
            id={`${id}-link`}
            className="share-link"
            readOnly
            value={link.url}
            onFocus={(e) => e.target.select()}
          />
          <div className="palette-actions">
            <button
              type="button"
              onClick={() =>
                void copyText(link.url).then((ok) =>
                  setCopied(
                    ok
                      ? 'Link copied to the clipboard.'
                      : 'The browser refused the clipboard: copy the link by hand.',
                  ),
                )
              }
            >
              Copy link
            </button>
          </div>
          <p role="status" className="muted">
            {copied}
          </p>
        </>
      ) : (
        <div role="alert">
          <p>{link.reason}</p>
          <button type="button" onClick={onExport}>
            Export instead
          </button>
        </div>
      )}
    </Modal>
  );
}
