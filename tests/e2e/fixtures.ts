// The `test` every spec uses. It fails any test in which the page logs a console error, throws
// an uncaught error, or makes a request to any host other than the test server: Lentera
// must make no request to another host, ever.
import { test as base, expect } from '@playwright/test';
import { ORIGIN, SYNC_URL } from './playwright.config';

type Guard = { problems: string[] };

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ context }, use) => {
      const problems: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        // The test servers live on this machine (127.0.0.1, any port); nothing else may be asked.
        const local = url.startsWith(ORIGIN + '/') || /^http:\/\/127\.0\.0\.1:\d+\//.test(url);
        if (local || url.startsWith('data:') || url.startsWith('blob:')) {
          return route.continue();
        }
        problems.push(`request to another host: ${url}`);
        return route.abort('blockedbyclient');
      });
      const watch = (page: import('@playwright/test').Page) => {
        page.on('console', (msg) => {
          // The sync protocol answers with statuses the browser logs as failed loads (404: no
          // checkpoint yet; 401: a wrong password): answers, not errors.
          const syncAnswer = msg.text().startsWith('Failed to load resource') && msg.location().url.startsWith(SYNC_URL + '/');
          if (msg.type() === 'error' && !syncAnswer) problems.push(`console error: ${msg.text()}`);
        });
        page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      };
      context.pages().forEach(watch);
      context.on('page', watch);
      await use({ problems });
      expect(problems, 'console errors, page errors or foreign requests').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
