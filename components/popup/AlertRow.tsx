import { useId } from 'react';
import type { PopupRow } from '@/lib/alerts/popup';
import type { Language, Translate } from '@/lib/i18n';
import type { CalendarEvent } from '@/lib/settings';
import type { PopupKey } from './catalog';
import { dataNumber, rowText, say } from './format';

export const SNOOZE_CHOICES = [
  { value: '1', days: 1, key: 'popup.snooze.day' },
  { value: '7', days: 7, key: 'popup.snooze.week' },
  { value: '30', days: 30, key: 'popup.snooze.month' },
] as const;

interface Props {
  row: PopupRow;
  t: Translate<PopupKey>;
  lang: Language;
  events: readonly CalendarEvent[];
  onOpen: (url: string) => void;
  onSnooze: (key: string, days: number | null) => void;
  onThreshold: (row: PopupRow) => void;
}

/**
 * One SKU of the list: its state, where it sells, every figure, and why it is listed. The figures are
 * also on data attributes with dot decimals, for tests and for anyone scripting the page.
 */
export function AlertRow({ row, t, lang, events, onOpen, onSnooze, onThreshold }: Props) {
  const nameId = useId();
  const whyId = useId();
  const text = rowText(row, t, lang, events);
  const where = row.poolName ? say(t, row.poolName, lang) : row.marketplace;
  const figures: Array<[PopupKey, string, string]> = [
    ['popup.figure.available', text.available, 'available'],
    ['popup.figure.inTransit', text.inTransit, 'in-transit'],
    ['popup.figure.perDay', text.perDay, 'per-day'],
    ['popup.figure.daysOfCover', text.daysOfCover, 'days-of-cover'],
    ['popup.figure.stockOut', text.stockOut, 'stock-out'],
    ['popup.figure.reorderBy', text.reorderBy, 'reorder-by'],
    ['popup.figure.suggested', text.suggested, 'suggested'],
    ['popup.figure.amazon', text.amazon, 'amazon'],
  ];
  return (
    <article
      className={`alert-row state-${row.state}${row.snoozed ? ' snoozed' : ''}`}
      aria-labelledby={nameId}
      aria-describedby={whyId}
      data-shelfwise="alert-row"
      data-key={row.key}
      data-sku={row.sku}
      data-state={row.state}
      data-marketplace={row.marketplace}
      data-snoozed={row.snoozed ? 'true' : 'false'}
      data-available={dataNumber(row.available)}
      data-in-transit={dataNumber(row.inTransit)}
      data-per-day={dataNumber(row.perDay)}
      data-days-of-cover={dataNumber(row.daysOfCover)}
      data-stock-out={row.stockOutDay ?? ''}
      data-reorder-by={row.reorderBy ?? ''}
      data-suggested={dataNumber(row.suggested)}
      data-amazon-suggested={dataNumber(row.amazonSuggested)}
    >
      <div className="row-head">
        <span className={`state-pill state-${row.state}`}>{t(`alerts.state.${row.state}`)}</span>
        <h3 className="row-sku" id={nameId}>
          {row.link ? (
            <a
              href={row.link}
              target="_blank"
              rel="noreferrer"
              aria-label={t('popup.row.open', { sku: row.sku, marketplace: row.marketplaces.join(', ') })}
              onClick={(event) => {
                event.preventDefault();
                onOpen(row.link as string);
              }}
            >
              {row.sku}
            </a>
          ) : (
            row.sku
          )}
        </h3>
        <span className="row-where">
          {where} · {t(row.channel === 'fba' ? 'channel.fba' : 'channel.mfn')}
        </span>
        <span className="row-actions">
          {row.snoozed ? (
            <button
              type="button"
              className="small-button"
              aria-label={t('popup.row.unsnoozeLabel', { sku: row.sku })}
              onClick={() => onSnooze(row.key, null)}
            >
              {t('popup.row.unsnooze')}
            </button>
          ) : (
            <select
              className="small-select"
              aria-label={t('popup.row.snooze', { sku: row.sku })}
              value=""
              onChange={(event) => {
                const choice = SNOOZE_CHOICES.find((c) => c.value === event.target.value);
                if (choice) onSnooze(row.key, choice.days);
              }}
            >
              <option value="">{t('popup.snooze.choose')}</option>
              {SNOOZE_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {t(c.key)}
                </option>
              ))}
            </select>
          )}
          <button
            type="button"
            className="small-button"
            aria-label={t('popup.row.thresholdLabel', { sku: row.sku })}
            onClick={() => onThreshold(row)}
          >
            {t('popup.row.threshold')}
          </button>
        </span>
      </div>
      <dl className="figures">
        {figures.map(([label, value, field]) => (
          <div key={field} data-field={field}>
            <dt>{t(label)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="row-why" id={whyId} title={text.why}>
        {text.why}
      </p>
    </article>
  );
}
