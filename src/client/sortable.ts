/**
 * Progressive enhancement: the header cells of `table.sortable` become buttons that sort the
 * rows (numbers by `data-sort` or their text, text by Chinese collation). Without JavaScript
 * the table keeps its built order.
 */
const collator = new Intl.Collator('zh-CN', { numeric: true });

function value(cell: Element | undefined): string {
  return (cell as HTMLElement | undefined)?.dataset.sort ?? cell?.textContent?.trim() ?? '';
}

function asNumber(s: string): number | null {
  const n = Number(s.replace(/,/g, ''));
  return s !== '' && s !== '—' && Number.isFinite(n) ? n : null;
}

for (const table of document.querySelectorAll<HTMLTableElement>('table.sortable')) {
  const body = table.tBodies[0];
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])];
  if (!body || !headers.length) continue;
  headers.forEach((th, col) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.append(...th.childNodes);
    th.append(button);
    button.addEventListener('click', () => {
      const descending = th.getAttribute('aria-sort') === 'ascending';
      for (const h of headers) h.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      const rows = [...body.rows];
      rows.sort((a, b) => {
        const x = value(a.cells[col]);
        const y = value(b.cells[col]);
        const nx = asNumber(x);
        const ny = asNumber(y);
        // Blank or unknown values stay last in both directions.
        if (nx === null && ny !== null && th.classList.contains('num')) return 1;
        if (ny === null && nx !== null && th.classList.contains('num')) return -1;
        const c = nx !== null && ny !== null ? nx - ny : collator.compare(x, y);
        return descending ? -c : c;
      });
      body.append(...rows);
    });
  });
}
