// The baseline for "first graph on screen": a blank React page built the same way as the app.
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <p id="blank" elementtiming="blank">
    Blank
  </p>,
);
