// Playwright drives Debian's Chromium (/usr/bin/chromium): `npx playwright install` is never
// used, it would download a browser. The built site is served by a plain static server under
// a sub-path, as a trainer would host it.
import { defineConfig } from '@playwright/test';

export const PORT = 4173;
export const PREFIX = '/dinas/lentera/';
export const ORIGIN = `http://127.0.0.1:${PORT}`;
/** The CouchDB-protocol server of the sync tests (`sync-server/start.mjs`), fresh each run. */
export const SYNC_PORT = 5994;
export const SYNC_URL = `http://127.0.0.1:${SYNC_PORT}`;
export const SYNC_ADMIN = { name: 'admin', password: 'lentera-test-admin' };

export default defineConfig({
  testDir: './specs',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: ORIGIN + PREFIX,
    browserName: 'chromium',
    viewport: { width: 800, height: 1280 },
    locale: 'id-ID',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: `node ../../scripts/serve.mjs ../../dist ${PORT} ${PREFIX} 127.0.0.1`,
      url: ORIGIN + PREFIX,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // Started for the run and stopped after it, with its data in a fresh folder.
      command: `node ../../sync-server/start.mjs --fresh --port ${SYNC_PORT} --dir ../../target/sync-test --origins ${ORIGIN}`,
      url: `${SYNC_URL}/`,
      env: { LENTERA_SYNC_ADMIN_PASSWORD: SYNC_ADMIN.password },
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
