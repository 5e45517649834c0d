// Swagger UI, as a developer uses it: authorize with an API key, then Try it out on POST /v1/screenings with each
// named example, and check that the rendered response is 200 with the example's category, and that the page runs
// under the service's Content-Security-Policy without a single violation.
// Usage: node tests/browser/swagger-ui.mjs <base url> <api key> <screenshot directory>
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './chromium.mjs';

const [baseUrl, apiKey, screenshots] = process.argv.slice(2);
const examples = ['refer', 'refer-with-specialist-review', 'not-eligible-criteria-not-met',
  'insufficient-information', 'not-eligible-contraindicated', 'urgent-crisis-referral'];
mkdirSync(screenshots, { recursive: true });

const context = await launch();
try {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const violations = [];
  page.on('console', message => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(`${baseUrl}/swagger/index.html`);

  await page.locator('.auth-wrapper button.authorize').click();
  await page.locator('.modal-ux input').first().fill(apiKey);
  // The first scheme is the API key (the second, CDS Hooks JWT, is for EHRs).
  await page.locator('.modal-ux .auth-btn-wrapper button.authorize').first().click();
  await page.locator('.modal-ux button.btn-done').first().click();

  const operation = page.locator('#operations-Screenings-CreateScreening');
  await operation.locator('.opblock-summary-control').click();
  await operation.locator('button.try-out__btn').click();

  const failures = [];
  const policy = (await page.request.get(`${baseUrl}/swagger/index.html`)).headers()['content-security-policy'] ?? '';
  if (!policy.includes("frame-ancestors 'none'")) failures.push(`no frame-ancestors 'none' in the policy: ${policy}`);
  for (const name of examples) {
    await operation.locator('.opblock-section-request-body select.examples-select-element').selectOption(name);
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table .response .response-col_status');
    await status.waitFor();
    const code = (await status.innerText()).trim();
    const body = JSON.parse(await operation.locator('.live-responses-table .response-col_description .microlight').first().innerText());
    const category = body?.outcome?.category;
    console.log(`${name}: ${code} ${category}`);
    if (code !== '200' || category !== name) {
      failures.push(`${name}: got ${code} ${category}`);
    }
    await status.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(screenshots, `swagger-ui-${name}.png`), fullPage: false });
    await operation.locator('button.btn-clear').click();
  }

  failures.push(...violations.map(v => `CSP violation: ${v}`));
  if (failures.length > 0) {
    console.error(failures.join('\n'));
    process.exitCode = 1;
  }
} finally {
  await context.close();
}
