/**
 * The browser the tests and measurements drive: Debian's chromium (or CHROMIUM_PATH) through
 * playwright-core or chrome-launcher, never a downloaded one, with the same flags everywhere
 * (headless, no sandbox in containers, nothing fetched in the background that would add to a
 * measured transfer).
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
