import { legacyTarget, movedLookup, movedTarget } from '../lib/site/legacy-urls.ts';

/**
 * On the 404 page: an old address of a report's files (the source view, the per-report CSV)
 * goes to its new place, for hosts that do not read `_redirects` (object storage, the preview
 * server). The fragment is kept, so that `…/source/#L123` arrives at the report page's line.
 * An address of a report whose file was edited since goes to the report the file holds now, as
 * the small lookup file of its id says (site/moved-reports.ts); an id in none stays a 404.
 */
const base = import.meta.env.BASE_URL;
const go = (target: string) => location.replace(`${target}${location.search}${location.hash}`);
const target = legacyTarget(location.pathname, base);
const found = target ? null : movedLookup(location.pathname, base);
if (target) go(target);
else if (found)
  fetch(found.file)
    .then((r) => (r.ok ? r.json() : null))
    .then((lookup: unknown) => {
      const to = movedTarget(found, lookup, base);
      if (to) go(to);
    })
    .catch(() => {});
