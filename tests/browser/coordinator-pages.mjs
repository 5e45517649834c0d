// The coordinator pages, as a referral coordinator uses them: sign in with an API key; fill the intake form for each
// named example by its labels and click Screen; read the result (category in words, decisive rule ids); answer what an
// insufficient-information result found missing and reach a decision; find the decision in the list; print preview.
// axe-core checks every page kind (no serious or critical violation), and the whole flow is done once with the
// keyboard only (Tab, the arrow keys in a radio group, Space and Enter). Screenshots go to the given directory. Prints one line per check; exits 1 on any failure.
// Usage: node tests/browser/coordinator-pages.mjs <base url> <api key> <screenshot directory> <examples directory>
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { checklist, launch } from './chromium.mjs';

const [baseUrl, apiKey, screenshots, examplesDirectory] = process.argv.slice(2);
const examples = ['refer', 'refer-with-specialist-review', 'not-eligible-criteria-not-met',
  'insufficient-information', 'not-eligible-contraindicated', 'urgent-crisis-referral'];
// The category in words, as the result page must say it.
const words = {
  'urgent-crisis-referral': 'Urgent crisis referral',
  'not-eligible-contraindicated': 'Not eligible: contraindicated',
  'insufficient-information': 'More information needed',
  'not-eligible-criteria-not-met': 'Not eligible: criteria not met',
  'refer-with-specialist-review': 'Refer, with specialist review',
  'refer': 'Refer',
};
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
mkdirSync(screenshots, { recursive: true });

const { check, finish } = checklist();

// axe-core in the page (evaluated through the DevTools protocol, which the page's CSP does not govern).
async function axe(page, name) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const count = impact => results.violations.filter(v => v.impact === impact).length;
  const serious = results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
  console.log(`axe ${name}: critical ${count('critical')}, serious ${count('serious')}, moderate ${count('moderate')}, minor ${count('minor')}`
    + results.violations.filter(v => v.impact === 'moderate').map(v => ` [moderate ${v.id}]`).join(''));
  check(serious.length === 0, `axe ${name}: no serious or critical violation${serious.map(v => ` (${v.id}: ${v.help})`).join('')}`);
}

// The leaf answers of an example as [field name, value] (arrays as name[index].field), and the rows each list needs.
function answers(value, prefix = '', out = [], rows = {}) {
  if (Array.isArray(value)) {
    rows[prefix] = value.length;
    value.forEach((entry, index) => answers(entry, `${prefix}[${index}]`, out, rows));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) answers(child, prefix ? `${prefix}.${key}` : key, out, rows);
  } else {
    out.push([prefix, String(value)]);
  }
  return { out, rows };
}

// Fills one answer by its label, as a person would: a yes/no question by its question (the group) and Yes/No; any
// other field by the label of its input, inside the fieldset it belongs to (rows repeat the same questions).
async function fill(page, name, value) {
  const field = page.locator(`[name="${name}"]`).first();
  const kind = await field.evaluate(element => element.type || element.tagName.toLowerCase());
  const groupName = await field.evaluate(element => element.closest('fieldset.row, fieldset.group')?.querySelector(':scope > legend')?.textContent.trim());
  const scope = groupName ? page.getByRole('group', { name: groupName, exact: true }) : page;
  if (kind === 'radio') {
    const question = await field.evaluate(element => element.closest('fieldset.yesno').querySelector('legend').textContent.trim());
    const label = value === 'yes' ? 'Yes' : value === 'no' ? 'No' : 'Unknown';
    await scope.getByRole('group', { name: question, exact: true }).getByLabel(label, { exact: true }).check();
    return;
  }
  const label = await field.evaluate(element => element.labels[0].textContent.trim());
  const input = scope.getByLabel(label, { exact: true });
  if (kind.startsWith('select')) await input.selectOption(value);
  else await input.fill(value);
}

async function screen(page, example) {
  await page.goto(`${baseUrl}/screenings/new`);
  const { out, rows } = answers(example);
  for (const [list, count] of Object.entries(rows)) {
    const noun = list.endsWith('bloodPressureReadings') ? 'Add a blood-pressure reading' : 'Add a treatment trial';
    const existing = await page.locator(`fieldset.row[id^="f-${list.replaceAll('.', '-')}-"]`).count();
    for (let row = existing; row < count; row++) await page.getByRole('button', { name: noun }).click();
  }
  for (const [name, value] of out) await fill(page, name, value);
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
  await page.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
  return page.url().split('/').pop();
}

const context = await launch();
try {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const cspViolations = [];
  page.on('console', message => { if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text()); });

  // Without a cookie, every page sends the visitor to sign in.
  await page.goto(`${baseUrl}/decisions`);
  check(new URL(page.url()).pathname === '/signin', `anonymous /decisions redirects to /signin (at ${page.url()})`);
  await axe(page, 'sign-in');
  await page.getByLabel('API key', { exact: true }).fill(apiKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${baseUrl}/decisions`);
  await page.goto(`${baseUrl}/`);
  check(await page.getByRole('link', { name: 'New screening' }).first().isVisible(), 'start page offers New screening');
  check((await page.locator('footer').innerText()).includes('Ruleset version'), 'start page footer names the ruleset version');
  await axe(page, 'start page');
  await page.screenshot({ path: join(screenshots, 'pages-start.png'), fullPage: true });

  await page.goto(`${baseUrl}/screenings/new`);
  await axe(page, 'intake form');
  await page.screenshot({ path: join(screenshots, 'pages-form.png'), fullPage: true });

  // A field error is shown next to its field, in words, with the form kept as typed.
  await page.getByRole('group', { name: 'Vital signs', exact: true }).getByLabel('Systolic blood pressure', { exact: false }).first().fill('abc');
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
  const fieldError = page.locator('.field.invalid .field-error').first();
  check(await fieldError.isVisible(), `a wrong number is named next to its field: "${await fieldError.innerText().catch(() => '')}"`);
  check(await page.locator('.field.invalid input').first().inputValue() === 'abc', 'the form keeps what was typed');
  await axe(page, 'intake form with errors');
  await page.screenshot({ path: join(screenshots, 'pages-form-errors.png'), fullPage: false });

  const decided = {};
  for (const name of examples) {
    const example = JSON.parse(readFileSync(join(examplesDirectory, `${name}.json`), 'utf8'));
    const expected = await (await page.request.post(`${baseUrl}/v1/screenings`, { data: example, headers: { 'X-API-Key': apiKey } })).json();
    const id = await screen(page, example);
    decided[name] = id;
    const category = (await page.locator('.banner .category').innerText()).trim();
    const ruleIds = await page.locator('.reason.decisive .rule-ids').allInnerTexts();
    const decisive = expected.reasons.filter(r => r.decisive).map(r => r.ruleId);
    console.log(`${name}: ${category} [${decisive.join(', ')}]`);
    check(category === words[name] && expected.outcome.category === name, `${name}: the result page says "${words[name]}" (got "${category}")`);
    check(decisive.every(rule => ruleIds.some(text => text.includes(rule))), `${name}: decisive rules ${decisive.join(', ')} shown`);
    await page.screenshot({ path: join(screenshots, `pages-result-${name}.png`), fullPage: true });
    await axe(page, `result ${name}`);
  }

  // Answer what is missing: the form opens with the earlier answers and the missing questions marked.
  await page.goto(`${baseUrl}/decisions/${decided['insufficient-information']}`);
  const askNow = await page.locator('.ask-now li').count();
  await page.getByRole('link', { name: 'Answer the missing questions' }).click();
  const marked = page.locator('fieldset.yesno.missing');
  check(await marked.count() === askNow, `the form marks the ${askNow} ask-now questions (marked: ${await marked.count()})`);
  await page.screenshot({ path: join(screenshots, 'pages-form-missing.png'), fullPage: false });
  for (const question of await marked.all()) {
    if (await question.isVisible()) await question.getByLabel('No', { exact: true }).check();
  }
  await page.getByRole('button', { name: 'Screen', exact: true }).click();
  await page.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
  const followUp = page.url().split('/').pop();
  const after = (await page.locator('.banner .category').innerText()).trim();
  check(after !== words['insufficient-information'], `after answering, a decision: "${after}"`);
  check(await page.getByText(`Follows decision ${decided['insufficient-information']}`).isVisible(), 'the new result names the one it follows');
  await page.goto(`${baseUrl}/decisions/${decided['insufficient-information']}`);
  check(await page.getByText(`Followed by decision ${followUp}`).isVisible(), 'the earlier result links to the new one');

  // The list: newest first, the decision findable, its row linking to its page.
  await page.goto(`${baseUrl}/decisions`);
  await axe(page, 'decision list');
  await page.screenshot({ path: join(screenshots, 'pages-decisions.png'), fullPage: true });
  const row = page.locator('table.decisions tbody tr').filter({ hasText: followUp });
  check(await row.count() === 1, `decision ${followUp} is listed`);
  await page.getByRole('combobox', { name: 'Outcome' }).selectOption('urgent-crisis-referral');
  await page.getByRole('button', { name: 'Show' }).click();
  const urgentRows = await page.locator('table.decisions tbody tr').allInnerTexts();
  check(urgentRows.length >= 1 && urgentRows.every(text => text.includes(words['urgent-crisis-referral'])), `filter by outcome lists urgent decisions only (${urgentRows.length})`);
  await page.locator('table.decisions tbody tr a').first().click();
  await page.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);

  // Print preview: the result with its id, time and ruleset; no navigation or buttons.
  await page.goto(`${baseUrl}/decisions/${decided['refer']}`);
  await page.emulateMedia({ media: 'print' });
  check(await page.getByText(decided['refer']).isVisible(), 'print: decision id shown');
  check(!(await page.getByRole('navigation').isVisible()), 'print: navigation hidden');
  await page.screenshot({ path: join(screenshots, 'pages-print-refer.png'), fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // Keyboard only: sign out and in, fill a short questionnaire, screen, read the result.
  const keyboard = await context.newPage();
  keyboard.setDefaultTimeout(15000);
  const focused = () => keyboard.evaluate(() => {
    const e = document.activeElement;
    return { id: e?.id ?? '', text: (e?.innerText || e?.value || '').trim(), tag: e?.tagName };
  });
  const tabTo = async (predicate, limit = 400) => {
    for (let i = 0; i < limit; i++) {
      await keyboard.keyboard.press('Tab');
      if (predicate(await focused())) return true;
    }
    return false;
  };
  await keyboard.goto(`${baseUrl}/`);
  check(await tabTo(f => f.text === 'Sign out'), 'keyboard: reach Sign out');
  await keyboard.keyboard.press('Enter');
  await keyboard.waitForURL(/\/signin/);
  check(await tabTo(f => f.id === 'apiKey'), 'keyboard: reach the API key field');
  await keyboard.keyboard.type(apiKey);
  await keyboard.keyboard.press('Enter');
  await keyboard.waitForURL(`${baseUrl}/`);
  check(await tabTo(f => f.text === 'New screening'), 'keyboard: reach New screening');
  await keyboard.keyboard.press('Enter');
  await keyboard.waitForURL(/\/screenings\/new/);
  // Hypertensive crisis symptoms: Yes (an urgent finding at any blood pressure, R2-1).
  // Tab reaches a radio group at its checked answer (Unknown); the arrow keys move to Yes, Space keeps it.
  check(await tabTo(f => f.id === 'f-vitals-hypertensiveCrisisSymptoms-unknown'), 'keyboard: reach the crisis-symptoms question');
  await keyboard.keyboard.press('ArrowLeft');
  await keyboard.keyboard.press('ArrowLeft');
  await keyboard.keyboard.press('Space');
  check(await keyboard.locator('#f-vitals-hypertensiveCrisisSymptoms-yes').isChecked(), 'keyboard: crisis symptoms answered Yes');
  check(await tabTo(f => f.text === 'Screen'), 'keyboard: reach Screen');
  await keyboard.keyboard.press('Enter');
  await keyboard.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
  const keyboardResult = (await keyboard.locator('.banner .category').innerText()).trim();
  check(keyboardResult === words['urgent-crisis-referral'], `keyboard: the result reads "${keyboardResult}"`);
  check(await tabTo(f => f.tag === 'A' && f.text === 'Find a decision', 20), 'keyboard: the result page is navigable');

  check(cspViolations.length === 0, `no Content-Security-Policy violation${cspViolations.map(v => `\n  ${v}`).join('')}`);
} finally {
  await context.close();
}

finish();
