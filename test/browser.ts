import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { serveStatic } from '../scripts/serve.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../scripts/chromium.ts';

/**
 * Real-browser tests: Debian's chromium driven by playwright-core (no downloaded browser),
 * against a built site served on localhost.
 */
export { CHROMIUM };

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `${CHROMIUM} not found: install Debian's chromium and fonts-noto-cjk (apt-get install chromium fonts-noto-cjk); .ci/run does this`,
    );
  return chromium.launch({
    executablePath: CHROMIUM,
    args: CHROMIUM_FLAGS,
  });
}

/** `redirects` false: a host that does not read `_redirects` (object storage; scripts/serve.ts handler). */
export async function serve(
  dist: string,
  base = '/',
  redirects = true,
): Promise<{ url: string; close: () => Promise<void> }> {
  const { server, url } = await serveStatic(dist, base, 0, '127.0.0.1', redirects);
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
