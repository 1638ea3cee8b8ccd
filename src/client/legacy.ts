import { legacyTarget } from '../lib/site/legacy-urls.ts';

/**
 * On the 404 page: an old address of a report's files (the source view, the per-report CSV)
 * goes to its new place, for hosts that do not read `_redirects` (object storage, the preview
 * server). The fragment is kept, so that `…/source/#L123` arrives at the report page's line.
 */
const target = legacyTarget(location.pathname, import.meta.env.BASE_URL);
if (target) location.replace(`${target}${location.search}${location.hash}`);
