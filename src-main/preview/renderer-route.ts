// Serves dist/renderer to a Playwright browser context from memory of the request, with no HTTP server: requests to
// the preview origin are answered by the desktop shell's own app:// protocol handler (same files, same CSP header,
// same path-traversal and symlink refusals), and nothing else leaves the page.
import type { BrowserContext } from 'playwright-core';

import { createAppProtocolHandler } from '../electron/protocol.js';
import { APP_ORIGIN } from '../electron/security.js';

/** A name under the reserved .preview-like space no DNS answers for; the route answers before any lookup. */
export const PREVIEW_ORIGIN = 'https://hatrack.preview';
export const PREVIEW_URL = `${PREVIEW_ORIGIN}/index.html`;

/** The app:// URL the shell would load for a preview URL, or null when the URL is not on the preview origin. */
export function appUrlFor(previewUrl: string): string | null {
  let u: URL;
  try {
    u = new URL(previewUrl);
  } catch {
    return null;
  }
  if (u.origin !== PREVIEW_ORIGIN) return null;
  return `${APP_ORIGIN}${u.pathname}`;
}

/**
 * Routes every request of `context`: the preview origin from `rendererRoot`, everything else refused (the renderer's
 * CSP allows no other origin anyway; this keeps a mistake from reaching the network).
 */
export async function routeRenderer(context: BrowserContext, rendererRoot: string): Promise<void> {
  const handler = createAppProtocolHandler(rendererRoot);
  await context.route('**/*', async (route) => {
    const request = route.request();
    const appUrl = appUrlFor(request.url());
    if (appUrl === null) {
      await route.abort('blockedbyclient');
      return;
    }
    const response = await handler(new Request(appUrl, { method: request.method() }));
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    await route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
  });
}
