import { formatDate, type Language } from '@/lib/i18n';
import { DAY_MS, startOfDay } from '@/lib/time';
import { rateText } from '@/lib/velocity/format';
import type { Velocity } from '@/lib/velocity/types';
import type { T } from './labels';

interface Props {
  velocity: Velocity;
  t: T;
  lang: Language;
  headingId: string;
}

function sourceText(v: Velocity, t: T): string {
  switch (v.source) {
    case 'snapshots':
      return t('history.velocity.source.snapshots', { count: v.visits });
    case 'page':
      return t('history.velocity.source.page', { days: v.sourceDays ?? 0 });
    case 'orders':
      return t('history.velocity.source.orders');
    case 'reports':
      return t('history.velocity.source.reports', { days: v.sourceDays ?? 0 });
    default:
      return t('history.velocity.source.none');
  }
}

/** Units per day, days of cover, stock-out date, where the rate came from and how far to trust it. */
export function VelocityFigures({ velocity: v, t, lang, headingId }: Props) {
  const unknown = t('history.unknownValue');
  const cover =
    v.stock === 0
      ? t('history.velocity.outNow')
      : v.daysOfCover === null
        ? unknown
        : v.daysOfCover < 1
          ? t('history.velocity.lessThanDay')
          : // Whole days, rounded down: 12.9 days of stock is not 13.
            t('unit.days', { count: Math.floor(v.daysOfCover) });
  const stockOut = v.stockOutDay
    ? formatDate(startOfDay(v.stockOutDay, v.timeZone) + DAY_MS / 2, lang, v.timeZone)
    : v.stock === 0
      ? t('history.velocity.outNow')
      : t('history.velocity.noStockOut');
  return (
    <section className="velocity-figures" aria-labelledby={headingId}>
      <h4 id={headingId}>{t('history.velocity.heading')}</h4>
      <dl>
        <div>
          <dt>{t('term.unitsPerDay')}</dt>
          <dd data-per-day={v.perDay ?? ''}>{v.perDay === null ? unknown : rateText(v.perDay, lang)}</dd>
        </div>
        <div>
          <dt>{t('term.daysOfCover')}</dt>
          <dd>{cover}</dd>
        </div>
        <div>
          <dt>{t('term.stockOutDate')}</dt>
          <dd>{stockOut}</dd>
        </div>
        <div>
          <dt>{t('history.velocity.source')}</dt>
          <dd>{sourceText(v, t)}</dd>
        </div>
        <div>
          <dt>{t('history.velocity.confidence')}</dt>
          <dd>{t(`history.velocity.confidence.${v.confidence}`)}</dd>
        </div>
      </dl>
      {v.perDay === null && <p className="hint">{t('history.velocity.noRate')}</p>}
    </section>
  );
}
