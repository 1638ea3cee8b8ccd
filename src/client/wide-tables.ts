/**
 * Wide forms (`.scroll` holding a `table.form`, see FormTable.astro) on a narrow screen:
 * - a hint before the table ("scroll sideways"), added here, shows only while the table overflows its
 *   container (scrollWidth > clientWidth), re-measured whenever the container or the table
 *   changes size (window resize, rotation, fonts loading);
 * - the row-label cells (`.stub`, `position: sticky` in site.css) get their exact `left`: the
 *   place each one has when the table is not scrolled, so that several label columns (a group
 *   label spanning rows, then the row's own label) stay side by side instead of piling up at 0;
 *   `--stub-width` tells the header texts that span value columns where the stub ends;
 * - `.scrolled` on the container while it is scrolled away from its start (a shadow on the
 *   stub's edge).
 * Without JavaScript there is no hint (the scroll shadows, drawn by CSS alone, still show
 * that a table goes on), and every label column sticks at the left edge, the row's own label on top.
 */

/** More than a pixel of overflow: rounding alone never shows the hint. */
function overflows(el: { scrollWidth: number; clientWidth: number }): boolean {
  return el.scrollWidth - el.clientWidth > 1;
}

function stubOffsets(scroll: HTMLElement, table: HTMLTableElement): void {
  const stubs = [...table.querySelectorAll<HTMLElement>('.stub')];
  if (!stubs.length) return;
  // Measure where each label cell sits unscrolled: sticky off for one synchronous layout.
  table.classList.add('measuring');
  const origin = scroll.getBoundingClientRect().left + scroll.clientLeft - scroll.scrollLeft;
  const lefts = stubs.map((c) => c.getBoundingClientRect().left - origin);
  const width = Math.max(...stubs.map((c) => c.getBoundingClientRect().right - origin));
  table.classList.remove('measuring');
  stubs.forEach((c, i) => (c.style.left = `${Math.max(0, Math.round(lefts[i]!))}px`));
  table.style.setProperty('--stub-width', `${Math.round(width)}px`);
}

/**
 * The hint before a form, made here: without JavaScript nothing can tell whether a form
 * overflows, and a report page does not carry one per form for nothing (issue 16, page bytes).
 */
function hintOf(scroll: HTMLElement): HTMLElement {
  const prev = scroll.previousElementSibling;
  if (prev instanceof HTMLElement && prev.classList.contains('scroll-hint')) return prev;
  const hint = document.createElement('p');
  hint.className = 'scroll-hint';
  hint.setAttribute('aria-hidden', 'true');
  hint.hidden = true;
  hint.textContent = '表格较宽，左右滑动可看其余各列 →';
  scroll.before(hint);
  return hint;
}

function update(scroll: HTMLElement): void {
  const table = scroll.querySelector<HTMLTableElement>('table.form');
  if (!table) return;
  const hint = hintOf(scroll);
  const hidden = !overflows(scroll);
  if (hint.hidden !== hidden) hint.hidden = hidden;
  stubOffsets(scroll, table);
}

const scrolls = [...document.querySelectorAll<HTMLElement>('.scroll')].filter((s) => s.querySelector('table.form'));
const observer = new ResizeObserver((entries) => {
  const seen = new Set<HTMLElement>();
  for (const e of entries) {
    const scroll = (e.target as HTMLElement).closest<HTMLElement>('.scroll');
    if (!scroll || seen.has(scroll)) continue;
    seen.add(scroll);
    update(scroll);
  }
});
for (const scroll of scrolls) {
  update(scroll);
  observer.observe(scroll);
  observer.observe(scroll.querySelector('table.form')!);
  scroll.addEventListener('scroll', () => scroll.classList.toggle('scrolled', scroll.scrollLeft > 0), {
    passive: true,
  });
}
