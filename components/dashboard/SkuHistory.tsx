import { useId, useState } from 'react';
import { salesHistory, skuTimeline } from '@/lib/db/history';
import { store } from '@/lib/db/open';
import { chartData } from '@/lib/history/chart';
import { changeKindLabel } from '@/lib/history/kind';
import type { Language } from '@/lib/i18n';
import type { Settings } from '@/lib/settings';
import { DAY_MS } from '@/lib/time';
import { computeVelocity, velocityContext } from '@/lib/velocity';
import { ChangesTable } from './ChangesTable';
import { type T, timeZoneOf } from './labels';
import { StockChart } from './StockChart';
import { useLoad } from './useLoad';
import { VelocityFigures } from './VelocityFigures';

const PERIODS = { d30: 30, d90: 90, d365: 365, all: null } as const;
type Period = keyof typeof PERIODS;

interface Props {
  skuKey: string;
  t: T;
  lang: Language;
  settings: Settings;
}

async function loadHistory(skuKey: string, period: Period, settings: Settings) {
  const db = await store();
  const now = Date.now();
  const days = PERIODS[period];
  const since = days === null ? 0 : now - days * DAY_MS;
  const timeline = await skuTimeline(db, skuKey, since);
  if (!timeline) return null;
  const timeZone = timeZoneOf(timeline.sku.marketplace);
  const chart = chartData(timeline, { timeZone, now, since });
  const history = await salesHistory(db, skuKey, now);
  const velocity = history ? computeVelocity(history, velocityContext(timeZone, now, settings.velocity)) : null;
  const changes = [...timeline.changes].sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
  return { sku: timeline.sku, chart, velocity, changes, timeZone };
}

/** One SKU: its stock chart, velocity figures and changes over a chosen period. */
export function SkuHistory({ skuKey, t, lang, settings }: Props) {
  const [period, setPeriod] = useState<Period>('d365');
  const periodId = useId();
  const headingId = useId();
  const chartHeadingId = useId();
  const velocityHeadingId = useId();
  const changesHeadingId = useId();
  const [loaded] = useLoad(
    () => loadHistory(skuKey, period, settings),
    `${skuKey}\u001f${period}\u001f${JSON.stringify(settings.velocity)}`,
  );

  if (loaded.state === 'loading') return <p role="status">{t('history.loading')}</p>;
  if (loaded.state === 'error') {
    return (
      <p className="notice notice-error" role="alert">
        {t('history.storeFailed', { message: loaded.message })}
      </p>
    );
  }
  if (!loaded.value) {
    return (
      <p className="notice" role="status">
        {t('history.notFound')}
      </p>
    );
  }
  const { sku, chart, velocity, changes, timeZone } = loaded.value;
  return (
    <article className="sku-history" aria-labelledby={headingId}>
      <h3 id={headingId} className="sku-heading">
        {sku.sku}
      </h3>
      {sku.title && <p className="sku-title">{sku.title}</p>}
      <p className="hint">
        {t('history.sku.meta', {
          marketplace: sku.marketplace,
          account: sku.account,
          channel: t(`channel.${sku.channel}`),
        })}
      </p>
      <div className="field">
        <label htmlFor={periodId}>{t('history.period.label')}</label>
        <select id={periodId} value={period} onChange={(event) => setPeriod(event.target.value as Period)}>
          {(Object.keys(PERIODS) as Period[]).map((p) => (
            <option key={p} value={p}>
              {t(`history.period.${p}`)}
            </option>
          ))}
        </select>
      </div>
      <section aria-labelledby={chartHeadingId}>
        <h4 id={chartHeadingId}>{t('history.chart.heading')}</h4>
        <StockChart
          data={chart}
          sku={sku.sku}
          timeZone={timeZone}
          t={t}
          lang={lang}
          externalLabel={changeKindLabel(t, 'external', skuKey, settings.erp)}
        />
      </section>
      {velocity && <VelocityFigures velocity={velocity} t={t} lang={lang} headingId={velocityHeadingId} />}
      <section aria-labelledby={changesHeadingId}>
        <h4 id={changesHeadingId}>{t('history.skuChanges.heading')}</h4>
        {changes.length ? (
          <ChangesTable
            rows={changes}
            caption={t('history.skuChanges.heading')}
            captionHidden
            t={t}
            lang={lang}
            showSku={false}
            erp={settings.erp}
          />
        ) : (
          <p>{t('history.chart.nothingMarked')}</p>
        )}
      </section>
    </article>
  );
}
