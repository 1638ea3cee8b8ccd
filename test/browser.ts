import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic } from '../scripts/serve.ts';

/**
 * Real-browser tests: Debian's chromium driven by playwright-core (no downloaded browser),
 * against a built site served on localhost.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk); .ci/run does this`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function serve(dist: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const { server, url } = await serveStatic(dist, base);
  // The browser keeps connections alive: end them, or close() waits for the browser to go.
  return {
    url,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
