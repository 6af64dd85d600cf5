import type { PopupGroup } from '@/lib/alerts/popup';
import type { Translate } from '@/lib/i18n';
import type { PopupKey } from './catalog';

/** A product's heading: its title and ASIN, above its SKUs in every marketplace. */
export function GroupHeader({ group, t }: { group: PopupGroup; t: Translate<PopupKey> }) {
  const first = group.rows[0];
  const name = group.title ?? first?.title ?? first?.sku ?? '';
  return (
    <div className="group-header">
      <h2 className="group-title" title={name}>
        {name}
      </h2>
      <span className="group-asin">
        {group.asin ? t('popup.group.asin', { asin: group.asin }) : t('popup.group.noAsin')}
      </span>
    </div>
  );
}
