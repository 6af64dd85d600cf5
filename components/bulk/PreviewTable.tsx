import { useId, useState } from 'react';
import type { BatchPlan, PlannedRow } from '@/lib/bulk/plan';
import { formatNumber } from '@/lib/i18n/core';
import type { Language } from '@/lib/i18n/types';
import type { Candidate } from './model';
import { ageText, say, type T } from './text';

type Show = 'all' | 'change' | 'unchanged' | 'refused' | 'notices';

interface Props {
  t: T;
  lang: Language;
  plan: BatchPlan;
  /** The rows' listings and ages, by key. */
  candidates: ReadonlyMap<string, Candidate>;
  caption: string;
}

/**
 * One page of rows is drawn at a time. The cost of showing the preview is the browser's layout of
 * every row's text (notices included), so 100 rows keep a page's preview within 100 ms on a slow
 * machine; the counts above the table and the "Show" filter cover every row of the batch, and a
 * 10,000-SKU file export is as quick to show as a page.
 */
export const PAGE_SIZE = 100;

function matches(row: PlannedRow, show: Show): boolean {
  if (show === 'all') return true;
  if (show === 'notices') return row.notices.length > 0;
  return row.action === show;
}

function value(row: PlannedRow, v: number | null, t: T, lang: Language): string {
  if (v === null) return t('panel.value.unknown');
  return row.field === 'handlingTime' ? t('unit.days', { count: v }) : formatNumber(v, lang);
}

export function PreviewTable({ t, lang, plan, candidates, caption }: Props) {
  const id = useId();
  const [show, setShow] = useState<Show>('all');
  // The page number belongs to one filter. A plan remade (a new amount, values a minute older)
  // keeps the page the seller is on; a smaller batch clamps it.
  const [paging, setPaging] = useState<{ show: Show; page: number }>({ show, page: 0 });
  const rows = show === 'all' ? plan.rows : plan.rows.filter((row) => matches(row, show));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const page = paging.show === show ? Math.min(paging.page, pages - 1) : 0;
  const first = page * PAGE_SIZE;
  const visible = rows.slice(first, first + PAGE_SIZE);
  const go = (next: number) => setPaging({ show, page: Math.min(pages - 1, Math.max(0, next)) });

  return (
    <div className="sw-preview">
      <p className="sw-counts" aria-live="polite">
        {t('panel.count.change', { count: plan.counts.change })} ·{' '}
        {t('panel.count.unchanged', { count: plan.counts.unchanged })} ·{' '}
        {t('panel.count.refused', { count: plan.counts.refused })}
      </p>
      <div className="sw-row">
        <label htmlFor={`${id}-show`}>{t('panel.preview.show')}</label>
        <select id={`${id}-show`} value={show} onChange={(e) => setShow(e.target.value as Show)}>
          <option value="all">{t('panel.preview.showAll')}</option>
          <option value="change">{t('bulk.action.change')}</option>
          <option value="unchanged">{t('bulk.action.unchanged')}</option>
          <option value="refused">{t('bulk.action.refused')}</option>
          <option value="notices">{t('panel.preview.showNotices')}</option>
        </select>
        {rows.length > PAGE_SIZE && (
          <>
            <button type="button" className="sw-button" disabled={page === 0} onClick={() => go(page - 1)}>
              {t('panel.preview.previous')}
            </button>
            <span>
              {t('panel.preview.range', {
                from: formatNumber(first + 1, lang),
                to: formatNumber(first + visible.length, lang),
                count: rows.length,
              })}
            </span>
            <button type="button" className="sw-button" disabled={page >= pages - 1} onClick={() => go(page + 1)}>
              {t('panel.preview.next')}
            </button>
          </>
        )}
      </div>
      <div className="sw-table-scroll">
        <table className="sw-table sw-preview-table">
          <caption>{caption}</caption>
          <colgroup>
            <col className="sw-col-sku" />
            <col className="sw-col-title" />
            <col className="sw-col-channel" />
            <col className="sw-col-change" />
            <col className="sw-col-result" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('panel.col.sku')}</th>
              <th scope="col">{t('panel.col.title')}</th>
              <th scope="col">{t('panel.col.channel')}</th>
              <th scope="col">{t('panel.col.change')}</th>
              <th scope="col">{t('panel.col.result')}</th>
            </tr>
          </thead>
          <tbody>
            {visible.map((row, i) => {
              const candidate = candidates.get(row.key);
              return (
                <tr
                  // A SKU selected twice is in the plan twice (the second refused): the position keeps keys unique.
                  // biome-ignore lint/suspicious/noArrayIndexKey: rows never move within one plan
                  key={`${first + i}:${row.key}`}
                  className={`sw-action-${row.action}`}
                  data-row-sku={row.sku}
                  data-action={row.action}
                >
                  <th scope="row" className="sw-sku">
                    {row.sku}
                  </th>
                  <td className="sw-title">{candidate?.listing.title ?? ''}</td>
                  <td>{t(row.channel === 'fba' ? 'channel.fba' : 'channel.mfn')}</td>
                  <td className="sw-change">
                    <span className="sw-before-after">
                      {value(row, row.before, t, lang)}
                      {' → '}
                      {row.action === 'refused' ? '—' : value(row, row.after, t, lang)}
                    </span>
                    {row.field === 'handlingTime' && (
                      <span className="sw-muted"> ({t('panel.field.handlingTime')})</span>
                    )}
                    <span className="sw-age">
                      {candidate ? ageText(t, candidate.ageMs, candidate.onPage) : t('panel.age.notSeen')}
                    </span>
                  </td>
                  <td>
                    <span className={`sw-status sw-status-${row.action}`}>{t(`bulk.action.${row.action}`)}</span>
                    {row.reason && <p className="sw-reason">{say(t, row.reason)}</p>}
                    {row.notices.length > 0 && (
                      <ul className="sw-notices">
                        {row.notices.map((notice) => (
                          <li key={notice.kind} className={`sw-notice sw-notice-${notice.level}`}>
                            <span className="sw-visually-hidden">{t(`panel.level.${notice.level}`)}: </span>
                            {say(t, notice.message)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {visible.length === 0 && <p className="sw-muted">{t('panel.preview.noneShown')}</p>}
    </div>
  );
}
