import { defineConfig } from 'wxt';
import { IMAGE_HOST_MATCHES, SELLER_CENTRAL_MATCHES } from './lib/marketplaces';

// The manifest's permissions are final from the first release: adding one later disables the
// extension for every user until they re-approve it. STORE.md justifies each of them.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  // Engineers working in one checkout at the same time build into their own folders
  // (SHELFWISE_OUT_DIR), so one build never swaps the extension under another's running tests.
  outDir: process.env.SHELFWISE_OUT_DIR ?? '.output',
  // Firefox is built as MV3 too, so both stores get the same permission model
  // (optional_host_permissions for the image hosts, scripting for the on-demand panel).
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Shelfwise',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'scripting'],
    host_permissions: [...SELLER_CENTRAL_MATCHES],
    optional_host_permissions: [...IMAGE_HOST_MATCHES],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'shelfwise@shelfwise.app',
              strict_min_version: '142.0',
              // Shelfwise collects nothing: every record stays on the seller's machine.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '120' }),
  }),
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
  },
});
