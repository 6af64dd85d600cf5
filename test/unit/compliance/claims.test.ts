import { describe, expect, it } from 'vitest';
import { claimsMedical } from '@/lib/compliance/rules/claims-medical';
import { claimsPesticide } from '@/lib/compliance/rules/claims-pesticide';
import { checkTitle, only } from './helpers';

describe('claims.pesticide', () => {
  it.each([
    ['US', 'Antibacterial Soap, 500 ml', 'Antibacterial'],
    ['US', 'ANTIMICROBIAL cutting board', 'ANTIMICROBIAL'],
    ['US', 'Antiviral face mask', 'Antiviral'],
    ['US', 'Antifungal foot spray', 'Antifungal'],
    ['US', 'Spray that Kills 99.9% of Germs', 'Kills 99.9%'],
    ['US', 'Wipes that sanitizes surfaces', 'sanitizes'],
    ['US', 'Hand Sanitizer Gel 500 ml', 'Sanitizer'],
    ['US', 'Ultrasonic device repels mice', 'repels'],
    ['UK', 'Anti-Mould bathroom sealant', 'Anti-Mould'],
    ['DE', 'Antibakterielles Spülmittel', 'Antibakterielles'],
    ['DE', 'Desinfektionsmittel für Hände', 'Desinfektionsmittel'],
    ['DE', 'Spray, tötet 99,9% der Keime', 'tötet 99,9%'],
    ['FR', 'Savon antibactérien pour les mains', 'antibactérien'],
    ['FR', 'Lingettes désinfectantes', 'désinfectantes'],
    ['IT', 'Sapone antibatterico', 'antibatterico'],
    ['IT', 'Spray igienizzante mani', 'igienizzante'],
    ['ES', 'Jabón antibacteriano', 'antibacteriano'],
    ['ES', 'Toallitas, mata 99,9% de bacterias', 'mata 99,9%'],
    ['JP', 'まな板 抗菌 食洗機対応', '抗菌'],
    ['JP', '除菌スプレー 500ml', '除菌'],
    ['US', '抗菌 砧板 家用', '抗菌'],
    ['US', '驱蚊 手环 儿童', '驱蚊'],
  ])('%s: finds %s', (marketplace, title, found) => {
    const finding = only(checkTitle(claimsPesticide, title, marketplace));
    expect(finding.severity).toBe('block');
    expect(finding.params.terms).toContain(`“${found}”`);
    expect(finding.policyUrl).toMatch(/^https:\/\//);
  });

  it('matches hyphenated (any Unicode hyphen), spaced and joined spellings of a hyphenated term', () => {
    for (const title of ['Anti-Bacterial Soap', 'Anti Bacterial Soap', 'antibacterial soap', 'ANTI‐BACTERIAL soap']) {
      expect(checkTitle(claimsPesticide, title), title).toHaveLength(1);
    }
  });

  it('matches whole words: "kills" is not in "skills"', () => {
    expect(checkTitle(claimsPesticide, 'Kid Skills Builder, Reskills Kit')).toEqual([]);
    expect(checkTitle(claimsPesticide, 'Bug killer? No: it kills boredom')).toHaveLength(1);
  });

  it('does not take "water-repellent" for "repels"', () => {
    expect(checkTitle(claimsPesticide, 'Water-Repellent Rain Jacket')).toEqual([]);
  });

  it('reports the longest claim once, with the title’s own spelling', () => {
    const finding = only(checkTitle(claimsPesticide, 'Cleaner – KILLS 99.9% of germs, kills odours'));
    expect(finding.params.terms).toBe('“KILLS 99.9%”, “kills”');
  });

  it('finds a claim inside HTML-like text', () => {
    expect(only(checkTitle(claimsPesticide, '<b>Antibacterial</b> Soap')).params.terms).toBe('“Antibacterial”');
  });

  it('is not exempted by a brand term', () => {
    expect(
      checkTitle(claimsPesticide, 'GermKiller Antibacterial Wipes', 'US', { brandTerms: ['Antibacterial'] }),
    ).toHaveLength(1);
  });

  it('passes ordinary titles in every language', () => {
    for (const [marketplace, title] of [
      ['US', 'Stainless Steel Soap Dish with Drain, 2-Pack'],
      ['DE', 'Seifenschale aus Edelstahl, 2er-Pack'],
      ['FR', 'Porte-savon en acier inoxydable'],
      ['IT', 'Portasapone in acciaio inox'],
      ['ES', 'Jabonera de acero inoxidable'],
      ['JP', 'ステンレス ソープディッシュ 2個セット'],
      ['US', '不锈钢 肥皂盒 2个装'],
    ]) {
      expect(checkTitle(claimsPesticide, title!, marketplace), title).toEqual([]);
    }
  });
});

describe('claims.medical', () => {
  it.each([
    ['US', 'Compression Socks for Diabetes', 'Diabetes'],
    ['US', 'Copper Bracelet for Arthritis', 'Arthritis'],
    ['US', 'Fidget Toy for ADHD and Autism', 'ADHD'],
    ['US', 'Herbal Tea – cures cancer', 'cures cancer'],
    ['US', 'Air Purifier against COVID-19', 'COVID-19'],
    ['US', 'Thermometer, FDA approved', 'FDA approved'],
    ['DE', 'Kupferarmband gegen Arthrose', 'Arthrose'],
    ['FR', 'Tisane contre l’insomnie', 'insomnie'],
    ['IT', 'Bracciale per l’artrite', 'artrite'],
    ['ES', 'Calcetines para diabetes', 'diabetes'],
    ['JP', '磁気ネックレス 高血圧 改善', '高血圧'],
    ['US', '磁疗手环 治疗失眠', '治疗'],
  ])('%s: finds %s', (marketplace, title, found) => {
    const finding = only(checkTitle(claimsMedical, title, marketplace));
    expect(finding.params.terms).toContain(`“${found}”`);
  });

  it('leaves everyday uses of ambiguous words alone', () => {
    for (const title of [
      'Cancer Zodiac Necklace, Sterling Silver',
      'UV Nail Lamp – cures gel polish in 60s',
      'Curing Light for UV Resin',
      'Stroke Counter for 2-stroke Engines',
      'Hearing Aids Batteries Size 312',
    ]) {
      expect(checkTitle(claimsMedical, title), title).toEqual([]);
    }
    expect(checkTitle(claimsMedical, 'Krebs Figur aus Holz', 'DE')).toEqual([]);
    expect(checkTitle(claimsMedical, 'Crema per la cura della pelle', 'IT')).toEqual([]);
    expect(checkTitle(claimsMedical, 'エアガン グルーガン めがね', 'JP')).toEqual([]);
  });
});
