/**
 * On a page opened from a search result (?pagefind-highlight=term), marks the terms with
 * Pagefind's highlight script. Loaded as a module from the site ('self' in the CSP); nothing
 * is fetched on pages opened otherwise.
 */
const terms = new URLSearchParams(location.search).getAll('pagefind-highlight');
if (terms.length && document.querySelector('[data-pagefind-body]')) {
  const url = `${import.meta.env.BASE_URL}pagefind/s01/pagefind-highlight.js`;
  import(/* @vite-ignore */ url)
    .then(
      (m: { default: new (o: object) => unknown }) =>
        new m.default({
          highlightParam: 'pagefind-highlight',
          markOptions: { separateWordSearch: false, acrossElements: true },
        }),
    )
    .catch(() => undefined);
}
