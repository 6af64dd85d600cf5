import { useEffect, useId, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { type ChartData, MARKER_KINDS, type MarkerKind } from '@/lib/history/chart';
import { formatDate, formatNumber, INTL_LOCALE, type Language } from '@/lib/i18n';
import { DAY_MS } from '@/lib/time';
import { kindCounts, listOf, type T } from './labels';
import { StockTable } from './StockTable';

interface Props {
  data: ChartData;
  sku: string;
  timeZone: string;
  t: T;
  lang: Language;
  /** What an external change is called for this SKU (its ERP's sync, where the ERP manages it). */
  externalLabel?: string;
}

const HEIGHT = 320;
const COLOURS = {
  available: '#0b5fad',
  reserved: '#6e7781',
  inbound: '#8a5a00',
  sales: '#1a7f37',
} as const;
type Shape = 'diamond' | 'triangle' | 'square' | 'dot' | 'cross';

/**
 * Markers differ in shape as well as colour (never colour alone), and the legend shows the same
 * shape. Sales are small dots: a year holds hundreds of them and they must not hide the line.
 */
const MARKERS: Record<MarkerKind, { colour: string; symbol: string; shape: Shape; size: number }> = {
  shelfwise: { colour: '#6639ba', symbol: '◆', shape: 'diamond', size: 11 },
  external: { colour: '#b42318', symbol: '▲', shape: 'triangle', size: 11 },
  receipt: { colour: '#0a7ea4', symbol: '■', shape: 'square', size: 9 },
  sale: { colour: '#1b1f23', symbol: '•', shape: 'dot', size: 4 },
  other: { colour: '#8a5a00', symbol: '✚', shape: 'cross', size: 10 },
};

/** A uPlot points builder that draws `shape` at every non-null value of the series. */
function shapedPoints(shape: Shape, size: number): uPlot.Series.Points.PathBuilder {
  return (u, seriesIdx, idx0, idx1) => {
    const xs = u.data[0];
    const ys = u.data[seriesIdx];
    const scale = u.series[seriesIdx]?.scale ?? 'y';
    const r = (size / 2) * uPlot.pxRatio;
    const path = new Path2D();
    for (let i = idx0; i <= idx1; i++) {
      const value = ys?.[i];
      if (value === null || value === undefined) continue;
      const x = u.valToPos(xs[i] as number, 'x', true);
      const y = u.valToPos(value, scale, true);
      if (shape === 'dot') {
        path.moveTo(x + r, y);
        path.arc(x, y, r, 0, Math.PI * 2);
      } else if (shape === 'square') {
        path.rect(x - r, y - r, 2 * r, 2 * r);
      } else if (shape === 'diamond') {
        path.moveTo(x, y - r);
        path.lineTo(x + r, y);
        path.lineTo(x, y + r);
        path.lineTo(x - r, y);
        path.closePath();
      } else if (shape === 'triangle') {
        path.moveTo(x, y - r);
        path.lineTo(x + r, y + r * 0.8);
        path.lineTo(x - r, y + r * 0.8);
        path.closePath();
      } else {
        path.moveTo(x - r, y);
        path.lineTo(x + r, y);
        path.moveTo(x, y - r);
        path.lineTo(x, y + r);
      }
    }
    return { stroke: path, fill: shape === 'cross' ? null : path };
  };
}

/** Tick labels in the marketplace's time, as fine as the tick spacing: times within a day, days, or months. */
function axisDates(timeZone: string, lang: Language) {
  const make = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(INTL_LOCALE[lang], { timeZone, ...options });
  const time = make({ month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  const day = make({ month: 'short', day: 'numeric' });
  const month = make({ year: 'numeric', month: 'short' });
  return (_u: uPlot, splits: number[], _axis: number, _space: number, increment: number) => {
    const format = increment < DAY_MS ? time : increment < 28 * DAY_MS ? day : month;
    return splits.map((ms) => format.format(ms));
  };
}

/**
 * The stock chart (uPlot on a canvas) with its text alternative: a summary in the caption and a data
 * table behind a toggle. The canvas itself is hidden from assistive technology, which gets the same
 * information from the text.
 */
export function StockChart({ data, sku, timeZone, t, lang, externalLabel }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [showTable, setShowTable] = useState(false);
  const summaryId = useId();
  const tableId = useId();

  const labels = useMemo(
    () => ({
      available: t('term.available'),
      reserved: t('term.reserved'),
      inbound: t('term.inbound'),
      sales: t('history.chart.sales'),
      stockAxis: t('history.chart.stockAxis'),
      salesAxis: t('history.chart.salesAxis'),
      markers: Object.fromEntries(
        MARKER_KINDS.map((k) => [k, k === 'external' && externalLabel ? externalLabel : t(`history.kind.${k}`)]),
      ) as Record<MarkerKind, string>,
    }),
    [t, externalLabel],
  );

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    const line = (label: string, stroke: string, show: boolean, dash?: number[]): uPlot.Series => ({
      label,
      show,
      scale: 'units',
      stroke,
      width: 2,
      ...(dash ? { dash } : {}),
      ...(stepped ? { paths: stepped } : {}),
      points: { show: false },
    });
    const markerSeries = MARKER_KINDS.map(
      (kind): uPlot.Series => ({
        label: labels.markers[kind],
        show: data.markers[kind] > 0,
        scale: 'units',
        stroke: MARKERS[kind].colour,
        paths: () => null,
        points: {
          show: true,
          size: MARKERS[kind].size,
          width: kind === 'sale' ? 1 : 2,
          stroke: MARKERS[kind].colour,
          fill: kind === 'sale' ? MARKERS[kind].colour : '#ffffff',
          paths: shapedPoints(MARKERS[kind].shape, MARKERS[kind].size),
        },
      }),
    );
    const options: uPlot.Options = {
      width: Math.max(320, element.clientWidth),
      height: HEIGHT,
      ms: 1,
      tzDate: (ts) => uPlot.tzDate(new Date(ts), timeZone),
      legend: { show: false },
      scales: {
        x: { time: true },
        units: { range: (_u, _min, max) => [0, Math.max(1, (max ?? 0) * 1.1)] },
        sales: { range: (_u, _min, max) => [0, Math.max(1, (max ?? 0) * 1.2)] },
      },
      axes: [
        { values: axisDates(timeZone, lang), space: 110, stroke: '#4a5560' },
        { scale: 'units', label: labels.stockAxis, stroke: '#4a5560' },
        {
          scale: 'sales',
          side: 1,
          label: labels.salesAxis,
          show: data.has.sales,
          stroke: COLOURS.sales,
          grid: { show: false },
        },
      ],
      series: [
        {},
        line(labels.available, COLOURS.available, true),
        line(labels.reserved, COLOURS.reserved, data.has.reserved, [4, 3]),
        line(labels.inbound, COLOURS.inbound, data.has.inbound, [7, 3]),
        {
          ...line(labels.sales, COLOURS.sales, data.has.sales),
          scale: 'sales',
          width: 1,
          fill: 'rgba(26, 127, 55, 0.12)',
        },
        ...markerSeries,
      ],
    };
    const plot = new uPlot(options, data.aligned as uPlot.AlignedData, element);
    const resize = new ResizeObserver(() =>
      plot.setSize({ width: Math.max(320, element.clientWidth), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [data, labels, timeZone, lang]);

  const from = formatDate(data.from, lang, timeZone);
  const to = formatDate(data.to, lang, timeZone);
  const stock = data.available;
  const marked = kindCounts(
    {
      sale: data.markers.sale,
      receipt: data.markers.receipt,
      external: data.markers.external,
      shelfwise: data.markers.shelfwise,
    },
    t,
  );
  if (data.markers.other) marked.push(t('history.count.other', { count: data.markers.other }));

  return (
    <figure className="stock-chart" aria-labelledby={summaryId}>
      <ul className="chart-legend" aria-label={t('history.chart.legend')}>
        <li>
          <span className="swatch" style={{ borderColor: COLOURS.available }} aria-hidden="true" />
          {labels.available}
        </li>
        {data.has.reserved && (
          <li>
            <span className="swatch dashed" style={{ borderColor: COLOURS.reserved }} aria-hidden="true" />
            {labels.reserved}
          </li>
        )}
        {data.has.inbound && (
          <li>
            <span className="swatch dashed" style={{ borderColor: COLOURS.inbound }} aria-hidden="true" />
            {labels.inbound}
          </li>
        )}
        {data.has.sales && (
          <li>
            <span className="swatch area" style={{ borderColor: COLOURS.sales }} aria-hidden="true" />
            {labels.sales}
          </li>
        )}
        {MARKER_KINDS.filter((kind) => data.markers[kind] > 0).map((kind) => (
          <li key={kind}>
            <span className="marker-symbol" style={{ color: MARKERS[kind].colour }} aria-hidden="true">
              {MARKERS[kind].symbol}
            </span>
            {labels.markers[kind]}
          </li>
        ))}
      </ul>
      <div ref={box} className="chart-canvas" aria-hidden="true" />
      <figcaption>
        <p id={summaryId}>
          {stock
            ? t('history.chart.summary', {
                from,
                to,
                first: formatNumber(stock.first, lang),
                last: formatNumber(stock.last, lang),
                min: formatNumber(stock.min, lang),
                max: formatNumber(stock.max, lang),
              })
            : t('history.chart.summaryEmpty', { from, to })}{' '}
          {marked.length ? t('history.chart.marked', { list: listOf(marked, lang) }) : t('history.chart.nothingMarked')}{' '}
          {data.has.sales &&
            t('history.chart.sold', { units: formatNumber(data.unitsSold, lang, { maximumFractionDigits: 0 }) })}
        </p>
        <button type="button" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((v) => !v)}>
          {showTable ? t('history.chart.hideTable') : t('history.chart.showTable')}
        </button>
      </figcaption>
      <div id={tableId} hidden={!showTable}>
        {showTable && (
          <StockTable data={data} sku={sku} timeZone={timeZone} t={t} lang={lang} externalLabel={externalLabel} />
        )}
      </div>
    </figure>
  );
}
