/**
 * Progressive enhancement: a filter box (`input[data-filter-target]`) hides the
 * `[data-filter-item]`s under its target whose text does not contain what is typed, and the
 * `.filter-group`s left empty. Without JavaScript the box stays hidden and the list is whole.
 */
for (const input of document.querySelectorAll<HTMLInputElement>('input[data-filter-target]')) {
  const target = document.querySelector(input.dataset.filterTarget ?? '');
  const box = input.closest<HTMLElement>('.filter-box');
  if (!target || !box) continue;
  box.hidden = false;
  const items = [...target.querySelectorAll<HTMLElement>('[data-filter-item]')];
  const groups = [...target.querySelectorAll<HTMLElement>('.filter-group')].reverse();
  const count = box.querySelector<HTMLElement>('[data-filter-count]');
  const apply = () => {
    const q = input.value.replace(/\s+/g, '');
    let shown = 0;
    for (const li of items) {
      const hit = !q || (li.textContent ?? '').replace(/\s+/g, '').includes(q);
      li.hidden = !hit;
      if (hit) shown++;
    }
    for (const g of groups) g.hidden = !g.querySelector('[data-filter-item]:not([hidden])');
    if (count) count.textContent = q ? `${shown} 个` : '';
  };
  input.addEventListener('input', apply);
}
