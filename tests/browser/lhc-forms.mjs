// LHC-Forms, as an EHR uses it: fetch the service's FHIR Questionnaire, render it with the NLM's LHC-Forms in
// headless Chromium, fill a representative case the way a coordinator would (typing and clicking, with the form's
// enableWhen logic deciding what is shown), export the QuestionnaireResponse LHC-Forms builds, and post it to
// $evaluate. Prints the exported QuestionnaireResponse and the GuidanceResponse, each after a marker line, for the
// caller to check and validate.
// Usage: node tests/browser/lhc-forms.mjs <base url> <api key> <screenshot directory>
import { mkdirSync, readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { launch } from './chromium.mjs';

const [baseUrl, apiKey, screenshots] = process.argv.slice(2);
mkdirSync(screenshots, { recursive: true });
const headers = { 'X-API-Key': apiKey, Accept: 'application/fhir+json' };
const questionnaireUrl = `${baseUrl}/fhir/Questionnaire/ketamine-referral-screening`;

// LHC-Forms is served to the page from node_modules under a page-local origin; nothing is fetched from the network.
const lforms = join(process.cwd(), 'node_modules', 'lforms', 'dist', 'lforms');
const page0 = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="webcomponent/styles.css"></head>
<body><div id="formContainer"></div>
<script src="webcomponent/assets/lib/zone.min.js"></script><script src="webcomponent/runtime.js"></script>
<script src="webcomponent/polyfills.js"></script><script src="webcomponent/main.js"></script>
<script src="fhir/R4/lformsFHIR.min.js"></script></body></html>`;

const questionnaireResponse = await fetch(questionnaireUrl, { headers });
if (!questionnaireResponse.ok) throw new Error(`GET Questionnaire: ${questionnaireResponse.status}`);
const questionnaire = await questionnaireResponse.json();

const context = await launch();
try {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', error => console.error(`page error: ${error.message}`));
  await page.route('http://lforms.test/**', route => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/' || path === '/index.html') return route.fulfill({ contentType: 'text/html', body: page0 });
    const file = normalize(join(lforms, path));
    if (!file.startsWith(lforms)) return route.abort();
    const type = file.endsWith('.js') ? 'application/javascript' : file.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    return route.fulfill({ contentType: type, body: readFileSync(file) });
  });
  await page.goto('http://lforms.test/index.html');
  await page.waitForFunction(() => window.LForms?.Util?.addFormToPage);
  await page.evaluate(q => window.LForms.Util.addFormToPage(q, 'formContainer', { fhirVersion: 'R4' }), questionnaire);
  await page.locator('wc-lhc-form').waitFor();

  const id = (linkId, depth) => `${linkId}${'/1'.repeat(depth)}`;
  const yesNo = async (linkId, depth, value) => page.locator(`label[id="${id(linkId, depth)}|${value}"]`).click();
  const type = async (linkId, depth, text) => {
    const input = page.locator(`[id="${id(linkId, depth)}"] input, input[id="${id(linkId, depth)}"]`).first();
    await input.click();
    await input.fill(text);
    await input.press('Tab');
  };
  // Choice items are LHC autocompleters: open the list and pick the answer by its exact text.
  const choose = async (linkId, depth, display) => {
    await page.locator(`input[id="${id(linkId, depth)}"]`).click();
    const exact = new RegExp(`^\\s*\\d+:\\s*${display}\\s*$`);
    await page.locator('li[autocomprawlistindex]', { hasText: exact }).first().click();
  };

  // A representative case: a woman with major depression, PHQ-9 18 with item 9 positive, suicidal thoughts with
  // intent and a plan on the C-SSRS (asked only after "yes" to suicidal thoughts), blood pressure measured.
  await type('patient.dateOfBirth', 2, '03/12/1985');
  await choose('patient.sexAtBirth', 2, 'Female');
  await yesNo('patient.ableToBecomePregnant', 2, 'true');
  await yesNo('patient.pregnant', 2, 'false');
  await yesNo('diagnoses.majorDepressiveDisorder', 2, 'true');
  const phq9 = ['Nearly every day', 'Nearly every day', 'More than half the days', 'More than half the days',
    'More than half the days', 'More than half the days', 'Several days', 'Several days', 'More than half the days'];
  for (const [index, answer] of phq9.entries()) await choose(`instruments.phq9.item${index + 1}`, 3, answer);
  await yesNo('instruments.cssrs.suicidalThoughts', 3, 'true');
  await yesNo('instruments.cssrs.intentWithPlan', 3, 'true');
  await type('vitals.systolicMmHg', 2, '128');
  await page.screenshot({ path: join(screenshots, 'lhc-forms-filled.png'), fullPage: true });

  const exported = await page.evaluate(() =>
    window.LForms.Util.getFormFHIRData('QuestionnaireResponse', 'R4', document.getElementById('formContainer')));
  // LHC-Forms labels its export with a profile URL that is not a real canonical; the resource is plain R4.
  if (exported.meta) delete exported.meta.profile;
  console.log('QUESTIONNAIRE-RESPONSE');
  console.log(JSON.stringify(exported));

  const evaluated = await fetch(`${baseUrl}/fhir/QuestionnaireResponse/$evaluate`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/fhir+json' },
    body: JSON.stringify(exported),
  });
  const guidance = await evaluated.json();
  console.log(`$evaluate: ${evaluated.status}`);
  console.log('GUIDANCE-RESPONSE');
  console.log(JSON.stringify(guidance));
  if (!evaluated.ok) process.exitCode = 1;
} finally {
  await context.close();
}
