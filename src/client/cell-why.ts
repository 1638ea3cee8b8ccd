/**
 * The reason of a form cell with no number (its `title`: 原文此格为空白, 无法确定 …), shown below
 * its table when the cell is tapped, clicked or focused: a tooltip shows on mouse hover only, so
 * on a phone or with the keyboard the cell's own reason could not be read, only the legend's
 * generic one (a fresh tester's t91). One line per table, made here on first use: a report page
 * carries none it does not need (issue 16, page bytes). Screen readers have the cell's
 * `aria-label` already, so the line is not announced again.
 */

function whyOf(scroll: HTMLElement): HTMLElement {
  const next = scroll.nextElementSibling;
  if (next instanceof HTMLElement && next.classList.contains('cell-why')) return next;
  const line = document.createElement('p');
  line.className = 'cell-why';
  line.setAttribute('aria-hidden', 'true');
  line.hidden = true;
  scroll.after(line);
  return line;
}

function show(e: Event): void {
  const target = e.target;
  if (!(target instanceof Element)) return;
  const cell = target.closest<HTMLElement>('table.form td[title]');
  const scroll = cell?.closest<HTMLElement>('.scroll');
  if (!cell || !scroll) return;
  const line = whyOf(scroll);
  line.textContent = cell.title;
  line.hidden = false;
}

document.addEventListener('focusin', show);
document.addEventListener('click', show);
