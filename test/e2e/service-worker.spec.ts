import { expect, test } from './harness';

async function ping(page: import('@playwright/test').Page) {
  return page.evaluate(async () => {
    const answer = (await chrome.runtime.sendMessage({ tag: 'shelfwise/1', type: 'ping', payload: {} })) as {
      ok: boolean;
      data: { startedAt: number };
    };
    return answer;
  });
}

test('a service-worker restart in the middle of a session loses nothing', async ({
  openExtensionPage,
  restartWorker,
}) => {
  const page = await openExtensionPage('options.html#settings');
  await page.getByLabel('Low stock below (units)').fill('33');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText('Settings saved.')).toBeVisible();
  const before = await ping(page);
  expect(before.ok).toBe(true);

  await restartWorker();

  const after = await ping(page);
  expect(after.ok).toBe(true);
  // A new worker instance answered: the restart really happened.
  expect(after.data.startedAt).toBeGreaterThan(before.data.startedAt);
  await page.reload();
  await expect(page.getByLabel('Low stock below (units)')).toHaveValue('33');
});

test('the background refuses a malformed message with an error and keeps answering', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('popup.html');
  const answers = await page.evaluate(async () => {
    const send = (m: unknown) => chrome.runtime.sendMessage(m);
    return [
      await send({ tag: 'shelfwise/1', type: 'nope', payload: {} }),
      await send({ tag: 'shelfwise/1', type: 'openDashboard', payload: { section: 7 } }),
      await send({ tag: 'shelfwise/1', type: 'ping', payload: {} }),
    ];
  });
  expect(answers[0]).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  expect(answers[1]).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  expect(answers[2]).toMatchObject({ ok: true });
});
