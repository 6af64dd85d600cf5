import { type RefObject, useId } from 'react';
import type { BatchPlan } from '@/lib/bulk/plan';
import type { StoreContext } from './host';
import { say, type T } from './text';

interface Props {
  t: T;
  plan: BatchPlan;
  findingTexts: StoreContext['findingTexts'];
  confirmed: boolean;
  onConfirmed: (confirmed: boolean) => void;
  checkboxRef: RefObject<HTMLInputElement | null>;
}

/** SKUs whose findings are listed in full; the rest are counted. */
const LISTED = 50;

/**
 * The compliance findings of the batch's changed rows, with one confirmation for the whole batch.
 * A quantity or handling-time change is never held back by a title, claim or image finding (no
 * rule affects those fields, see gateChange): the seller confirms having seen them, once.
 */
export function FindingsConfirm({ t, plan, findingTexts, confirmed, onConfirmed, checkboxRef }: Props) {
  const id = useId();
  if (!plan.confirmation) return null;
  const flagged = plan.rows.filter(
    (row) => row.action === 'change' && row.notices.some((notice) => notice.kind === 'compliance'),
  );
  return (
    <section className="sw-findings" aria-labelledby={`${id}-heading`}>
      <h4 id={`${id}-heading`}>{t('panel.findings.heading')}</h4>
      <p>{say(t, plan.confirmation.message)}</p>
      <p className="sw-muted">{t('panel.findings.note')}</p>
      <ul className="sw-list">
        {flagged.slice(0, LISTED).map((row) => {
          const texts = findingTexts[row.key] ?? [];
          const notice = row.notices.find((n) => n.kind === 'compliance');
          return (
            <li key={row.key}>
              <span className="sw-sku">{row.sku}</span>:{' '}
              {texts.length > 0
                ? texts.map((f) => `${t(`panel.severity.${f.severity}`)}: ${f.message}`).join(' · ')
                : notice && say(t, notice.message)}
            </li>
          );
        })}
        {flagged.length > LISTED && <li>{t('panel.more', { count: flagged.length - LISTED })}</li>}
      </ul>
      <label className="sw-inline sw-confirm">
        <input ref={checkboxRef} type="checkbox" checked={confirmed} onChange={(e) => onConfirmed(e.target.checked)} />
        {t('panel.findings.confirm')}
      </label>
    </section>
  );
}
