// A text input with name suggestions from `search`, following the ARIA combobox pattern:
// arrows move through the list, Enter takes the highlighted name, Escape closes it.

import { suggest } from './api.js';

const DELAY_MS = 150;

/**
 * @param {HTMLInputElement} input
 * @param {{ kinds?: string[], onPick?: (name: string) => void }} options
 */
export function combobox(input, { kinds = ['MODEL'], onPick } = {}) {
  const list = document.getElementById(input.getAttribute('aria-controls'));
  let hits = [];
  let active = -1;
  let timer = 0;
  let asked = 0;

  function close() {
    // Also forget a pending or in-flight lookup, so the list does not pop up after a submit.
    clearTimeout(timer);
    asked += 1;
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function show() {
    list.replaceChildren(
      ...hits.map((hit, i) => {
        const li = document.createElement('li');
        li.id = `${list.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', String(i === active));
        li.dataset.name = hit.name;
        const kind = document.createElement('span');
        kind.className = 'kind';
        kind.textContent = hit.kind.toLowerCase();
        li.append(hit.name, ' ', kind);
        // mousedown, not click: it fires before the input's blur closes the list.
        li.addEventListener('mousedown', (event) => {
          event.preventDefault();
          pick(hit.name);
        });
        return li;
      }),
    );
    list.hidden = hits.length === 0;
    input.setAttribute('aria-expanded', String(hits.length > 0));
    if (active >= 0) input.setAttribute('aria-activedescendant', `${list.id}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  }

  function pick(name) {
    input.value = name;
    close();
    onPick?.(name);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (!text) return close();
    timer = setTimeout(async () => {
      const ticket = ++asked;
      try {
        const found = await suggest(text, kinds);
        // A slower answer to an older keystroke must not overwrite a newer one.
        if (ticket !== asked || document.activeElement !== input) return;
        hits = found;
        active = -1;
        show();
      } catch {
        close();
      }
    }, DELAY_MS);
  });

  input.addEventListener('keydown', (event) => {
    if (list.hidden) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      active = (active + step + hits.length) % hits.length;
      show();
    } else if (event.key === 'Enter' && active >= 0) {
      event.preventDefault();
      pick(hits[active].name);
    } else if (event.key === 'Escape') {
      close();
    }
  });

  input.addEventListener('blur', () => setTimeout(close, 100));
  return { close };
}
