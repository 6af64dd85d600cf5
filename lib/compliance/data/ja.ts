import type { LanguageData } from './types';

/**
 * Japanese (amazon.co.jp). Rules from help 201100890 and 202024200
 * (/work/shared/reference/seller-central.md §4.1, §4.3); the Japanese wording is ours (our own
 * knowledge), the sources giving English examples only. In Japan these claims fall under the
 * Pharmaceutical and Medical Device Act (薬機法) rather than the EPA; the list holds the
 * equivalents of the English terms as the issue asks. Japanese is matched as substrings, so
 * ambiguous short words are left out: "がん" (cancer) also occurs in "がんばる", "ガン" is also a gun
 * ("グルーガン"), hence "癌" and "抗がん" only. Titles are not split into words, so there are no stop
 * words; Latin words inside a Japanese title are checked against the English list.
 */
export const ja: LanguageData = {
  stopWords: [],
  promotional: [
    '送料無料',
    '激安',
    '最安値',
    '最安',
    'セール',
    '特価',
    '在庫処分',
    '期間限定',
    '数量限定',
    'ベストセラー',
    'ランキング1位',
    '売れ筋',
    '大人気',
    '返金保証',
    '品質保証',
  ],
  pesticide: [
    '抗菌',
    '除菌',
    '殺菌',
    '滅菌',
    '消毒',
    '抗ウイルス',
    '抗ウィルス',
    'ウイルス除去',
    '防カビ',
    '殺虫',
    '虫除け',
    '虫よけ',
    '防虫',
  ],
  medical: [
    '治療',
    '治す',
    '完治',
    '癌',
    '抗がん',
    '糖尿病',
    '高血圧',
    '関節炎',
    '認知症',
    'うつ病',
    '不眠症',
    '新型コロナ',
    'アトピー',
    '喘息',
  ],
};
