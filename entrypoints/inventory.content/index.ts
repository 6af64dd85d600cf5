import { defineContentScript } from 'wxt/utils/define-content-script';
import { SELLER_CENTRAL_MATCHES } from '@/lib/marketplaces';
import { startInventoryPage } from './start';

// Runs on every Seller Central page so that in-app navigation into Manage Inventory is seen;
// on any other page it detects that and adds nothing at all.
export default defineContentScript({
  matches: [...SELLER_CENTRAL_MATCHES],
  runAt: 'document_idle',
  main(ctx) {
    startInventoryPage(ctx);
  },
});
