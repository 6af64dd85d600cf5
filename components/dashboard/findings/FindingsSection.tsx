import { useId, useMemo, useState } from 'react';
import { RULES } from '@/lib/compliance/registry';
import {
  countByRule,
  type FindingFilter,
  type FindingRow,
  filterFindings,
  findingColumns,
  findingFix,
  findingMessage,
  findingPolicyUrl,
  findingReport,
  type KnownListing,
  NO_FILTER,
  ruleName,
  severityCounts,
} from '@/lib/compliance/report';
import type { ImageCheckResult } from '@/lib/compliance/types';
import { store } from '@/lib/db/open';
import { CSV_TYPE, toCsv } from '@/lib/export/csv';
import { formatNumber, type Language } from '@/lib/i18n';
import { sendRequest } from '@/lib/messaging';
import type { Settings } from '@/lib/settings';
import { datedName, saveFile } from '../files';
import type { T } from '../labels';
import { useLoad } from '../useLoad';
import { CheckSettings } from './CheckSettings';
import './findings.css';

/**
 * Listing checks in the dashboard: every finding on every listing Shelfwise has seen (from each
 * SKU's latest stored state, checked here with the current settings), filterable and exportable,
 * with each finding's fix and policy; and the settings of the checks below it.
 */

const PAGE = 50;
const SEVERITY_MARK = { block: '✕', warn: '▲' } as const;

interface Loaded {
  known: KnownListing[];
  /** Main-image results the background has, when image checks are on. */
  images?: { enabled: boolean; results: Record<string, ImageCheckResult> };
  imageError?: string;
}

async function load(imageChecks: boolean): Promise<Loaded> {
  const records = await (await store()).getAll('skus');
  const known = records.map((record) => ({ key: record.key, latest: record.latest }));
  if (!imageChecks) return { known };
  const urls = [...new Set(known.flatMap((k) => (k.latest.imageUrl ? [k.latest.imageUrl] : [])))];
  try {
    return { known, images: await sendRequest('imageResults', { urls }) };
  } catch (error) {
    // The other checks need nothing from the background: show them, and say what is missing.
    return { known, imageError: error instanceof Error ? error.message : String(error) };
  }
}

interface Props {
  t: T;
  lang: Language;
  settings: Settings;
}

export function FindingsSection({ t, lang, settings }: Props) {
  const imageChecks = settings.compliance.imageChecks;
  const [data] = useLoad(() => load(imageChecks), `findings|${imageChecks}`);
  const [filter, setFilter] = useState<FindingFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [status, setStatus] = useState<
    { kind: 'exported'; count: number; file: string } | { kind: 'error'; message: string }
  >();
  const ids = { rule: useId(), severity: useId(), marketplace: useId(), sku: useId(), muted: useId() };

  const loaded = data.state === 'ready' ? data.value : undefined;
  const report = useMemo(() => {
    if (!loaded) return undefined;
    const images = loaded.images?.enabled ? loaded.images.results : undefined;
    return findingReport(loaded.known, settings.compliance, images ? (url) => images[url] : undefined);
  }, [loaded, settings.compliance]);

  const shown = useMemo(() => (report ? filterFindings(report.rows, filter) : []), [report, filter]);
  const ruleCounts = useMemo(() => (report ? countByRule(report.rows, filter) : new Map()), [report, filter]);
  const marketplaces = useMemo(
    () => (report ? [...new Set(report.rows.map((row) => row.marketplace))].sort() : []),
    [report],
  );

  const edit = (change: Partial<FindingFilter>) => {
    setFilter((current) => ({ ...current, ...change }));
    setPage(0);
    setStatus(undefined);
  };

  const exportCsv = () => {
    try {
      const file = datedName('shelfwise-findings', 'csv');
      saveFile([toCsv(findingColumns(t), shown)], CSV_TYPE, file);
      setStatus({ kind: 'exported', count: shown.length, file });
    } catch (error) {
      setStatus({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const toggleMute = (row: FindingRow) => {
    setStatus(undefined);
    // The settings watch brings the change back here (and to every open Seller Central tab).
    sendRequest('complianceMute', { key: row.key, ruleId: row.finding.ruleId, muted: !row.finding.muted }).catch(
      (error: unknown) =>
        setStatus({
          kind: 'error',
          message: t('findings.muteFailed', { message: error instanceof Error ? error.message : String(error) }),
        }),
    );
  };

  const filtered = JSON.stringify(filter) !== JSON.stringify(NO_FILTER);
  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const current = Math.min(page, pages - 1);
  const rows = shown.slice(current * PAGE, (current + 1) * PAGE);
  const counts = report ? severityCounts(report.rows) : undefined;

  return (
    <section aria-labelledby="findings-heading" aria-busy={data.state === 'loading'}>
      <h2 id="findings-heading">{t('findings.heading')}</h2>
      <p className="hint">{t('findings.intro')}</p>
      {data.state === 'loading' && <p role="status">{t('history.loading')}</p>}
      {data.state === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('history.storeFailed', { message: data.message })}
        </p>
      )}

      {report && report.listings === 0 && (
        <div className="empty-state">
          <p>{t('findings.noneYet')}</p>
        </div>
      )}

      {report && report.listings > 0 && counts && (
        <div className="findings-list">
          <h3>{t('findings.list.heading')}</h3>
          <p data-findings-summary="">
            {t('findings.summary', {
              block: formatNumber(counts.block, lang),
              warn: formatNumber(counts.warn, lang),
              muted: formatNumber(counts.muted, lang),
              listings: formatNumber(report.listings, lang),
            })}
          </p>
          {!imageChecks && <p className="hint">{t('findings.images.off')}</p>}
          {loaded?.imageError && (
            <p className="notice" role="status">
              {t('findings.images.unavailable', { message: loaded.imageError })}
            </p>
          )}
          {imageChecks && report.images.pending > 0 && (
            <p className="hint">{t('findings.images.pending', { count: report.images.pending })}</p>
          )}
          {imageChecks && report.images.failed > 0 && (
            <p className="hint">{t('findings.images.failed', { count: report.images.failed })}</p>
          )}

          <form className="filters" aria-label={t('findings.filters')} onSubmit={(event) => event.preventDefault()}>
            <div className="field">
              <label htmlFor={ids.rule}>{t('findings.filter.rule')}</label>
              <select id={ids.rule} value={filter.ruleId} onChange={(event) => edit({ ruleId: event.target.value })}>
                <option value="">{t('findings.filter.all')}</option>
                {RULES.map((rule) => (
                  <option key={rule.id} value={rule.id}>
                    {t('findings.filter.ruleOption', {
                      rule: ruleName(t, rule.id),
                      count: formatNumber(ruleCounts.get(rule.id) ?? 0, lang),
                    })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.severity}>{t('findings.filter.severity')}</label>
              <select
                id={ids.severity}
                value={filter.severity}
                onChange={(event) => edit({ severity: event.target.value as FindingFilter['severity'] })}
              >
                <option value="">{t('findings.filter.all')}</option>
                <option value="block">{t('compliance.severity.block')}</option>
                <option value="warn">{t('compliance.severity.warn')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.marketplace}>{t('findings.filter.marketplace')}</label>
              <select
                id={ids.marketplace}
                value={filter.marketplace}
                onChange={(event) => edit({ marketplace: event.target.value })}
              >
                <option value="">{t('findings.filter.all')}</option>
                {marketplaces.map((code) => (
                  <option key={code} value={code}>
                    {code || '—'}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={ids.sku}>{t('findings.filter.sku')}</label>
              <input
                id={ids.sku}
                type="search"
                value={filter.sku}
                onChange={(event) => edit({ sku: event.target.value })}
              />
            </div>
            <div className="field checkbox">
              <label htmlFor={ids.muted}>
                <input
                  id={ids.muted}
                  type="checkbox"
                  checked={filter.muted}
                  onChange={(event) => edit({ muted: event.target.checked })}
                />
                {t('findings.filter.muted')}
              </label>
            </div>
            <div className="actions">
              <button type="button" onClick={() => edit(NO_FILTER)} disabled={!filtered}>
                {t('findings.clear')}
              </button>
              <button type="button" className="primary-button" onClick={exportCsv} disabled={shown.length === 0}>
                {t('findings.export')}
              </button>
            </div>
          </form>

          <p role="status" aria-live="polite">
            {status?.kind === 'exported' && t('findings.exported', { count: status.count, file: status.file })}
          </p>
          {status?.kind === 'error' && (
            <p className="notice notice-error" role="alert">
              {status.message}
            </p>
          )}

          {shown.length === 0 ? (
            <p className="empty-state">{report.rows.length === 0 ? t('findings.noneAtAll') : t('findings.none')}</p>
          ) : (
            <>
              <div className="table-scroll">
                <table className="data-table findings-table">
                  <caption>{t('findings.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('findings.col.sku')}</th>
                      <th scope="col">{t('findings.col.marketplace')}</th>
                      <th scope="col">{t('findings.col.rule')}</th>
                      <th scope="col">{t('findings.col.severity')}</th>
                      <th scope="col">{t('findings.col.finding')}</th>
                      <th scope="col">{t('findings.col.fix')}</th>
                      <th scope="col">{t('findings.col.policy')}</th>
                      <th scope="col">{t('findings.col.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((row) => {
                      const rule = ruleName(t, row.finding.ruleId);
                      return (
                        <tr
                          key={`${row.key}\u001f${row.finding.ruleId}`}
                          data-rule={row.finding.ruleId}
                          data-sku={row.sku}
                          className={row.finding.muted ? 'is-muted' : undefined}
                        >
                          <th scope="row" className="sku-cell">
                            {row.sku}
                            {row.title !== undefined && <span className="finding-title">{row.title}</span>}
                          </th>
                          <td>{row.marketplace || '—'}</td>
                          <td>{rule}</td>
                          <td className={`severity severity-${row.finding.severity}`}>
                            {row.finding.muted ? '○' : SEVERITY_MARK[row.finding.severity]}{' '}
                            {t(`compliance.severity.${row.finding.severity}`)}
                            {row.finding.muted && ` · ${t('compliance.finding.muted')}`}
                          </td>
                          <td>{findingMessage(t, row.finding)}</td>
                          <td>{findingFix(t, row.finding)}</td>
                          <td>
                            <a
                              href={findingPolicyUrl(row)}
                              target="_blank"
                              rel="noopener noreferrer"
                              aria-label={t('findings.policyLinkFor', { rule })}
                            >
                              {t('findings.policyLink')}
                            </a>
                          </td>
                          <td>
                            <button
                              type="button"
                              className="link-button"
                              aria-label={t(row.finding.muted ? 'findings.unmuteFor' : 'findings.muteFor', {
                                rule,
                                sku: row.sku,
                              })}
                              onClick={() => toggleMute(row)}
                            >
                              {t(row.finding.muted ? 'findings.unmute' : 'findings.mute')}
                            </button>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label={t('findings.paging')}>
                <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
                  {t('findings.previous')}
                </button>
                <span>
                  {t('findings.shown', {
                    first: formatNumber(current * PAGE + 1, lang),
                    last: formatNumber(current * PAGE + rows.length, lang),
                    total: formatNumber(shown.length, lang),
                  })}
                </span>
                <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
                  {t('findings.next')}
                </button>
              </nav>
            </>
          )}
        </div>
      )}

      <CheckSettings t={t} settings={settings} />
    </section>
  );
}
