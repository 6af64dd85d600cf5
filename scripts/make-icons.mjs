// Renders public/icon/*.png from one SVG in headless Chromium. Run by hand when the icon changes;
// the PNGs are committed so builds do not need a browser.
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 128 128">
  <rect x="4" y="4" width="120" height="120" rx="24" fill="#0b5fad"/>
  <rect x="22" y="30" width="20" height="30" rx="3" fill="#ffd24d"/>
  <rect x="46" y="38" width="20" height="22" rx="3" fill="#ffffff"/>
  <rect x="70" y="24" width="20" height="36" rx="3" fill="#ffffff"/>
  <rect x="16" y="62" width="96" height="8" rx="2" fill="#ffffff"/>
  <rect x="22" y="78" width="28" height="22" rx="3" fill="#ffffff"/>
  <rect x="54" y="84" width="20" height="16" rx="3" fill="#ffd24d"/>
  <rect x="78" y="74" width="26" height="26" rx="3" fill="#ffffff"/>
  <rect x="16" y="102" width="96" height="8" rx="2" fill="#ffffff"/>
</svg>`;

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
const page = await browser.newPage();
for (const size of [16, 32, 48, 96, 128]) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
  );
  writeFileSync(`public/icon/${size}.png`, await page.screenshot({ omitBackground: true }));
}
await browser.close();
