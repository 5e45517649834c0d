// Single sign-on to the coordinator pages in a real browser, where cookies' SameSite rules, Secure cookies on a
// cross-site form POST and the pages' Content-Security-Policy (form-action) are enforced as they are for people.
// Plays the identity provider itself: an OpenID Connect provider over HTTPS (discovery, keys, authorize with a
// "Sign in" and a "Cancel" button that post the answer back as form_post does, a token endpoint that checks PKCE,
// end-session), so no network is needed. The service must trust its certificate and name it as its authority.
// Checks: visiting the pages sends the browser to the provider (code flow, PKCE, form_post); signing in there comes back
// signed in under the person's name; the session cookie is HttpOnly and SameSite=Lax; signing out ends the provider's
// session too (the ID token as hint) and the pages then send the visitor to the provider again; a cancelled sign-in
// comes back to the sign-in page with a message. Prints one line per check; exits 1 on any failure.
// Usage: node tests/browser/single-sign-on.mjs <service base url> <provider port> <certificate pem> <key pem> <screenshot directory>
import { createHash, createSign, generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import { checklist, launch } from './chromium.mjs';

const [baseUrl, providerPort, certificateFile, keyFile, screenshots] = process.argv.slice(2);
const issuer = `https://localhost:${providerPort}`;
const clientId = 'screening-pages';
const person = 'coordinator.jane';
mkdirSync(screenshots, { recursive: true });

const { check, finish } = checklist();

// The provider: one signing key, the codes it handed out, and what it was asked (for the checks).
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'test-provider', use: 'sig', alg: 'RS256' };
const codes = new Map();
const seen = { authorize: [], token: [], endSession: [] };
let idTokenIssued = null;

const base64url = value => Buffer.from(value).toString('base64url');
const escape = text => String(text).replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`);

function signedIdToken(nonce) {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: jwk.kid }));
  const claims = base64url(JSON.stringify({
    iss: issuer, sub: 'person-1', aud: clientId, iat: now, exp: now + 300, nonce, preferred_username: person,
  }));
  const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(privateKey);
  return `${header}.${claims}.${base64url(signature)}`;
}

function page(response, body) {
  response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  response.end(`<!doctype html><html lang="en"><head><title>Test identity provider</title></head><body>${body}</body></html>`);
}

function json(response, status, value) {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify(value));
}

async function readForm(request) {
  let body = '';
  for await (const chunk of request) body += chunk;
  return new URLSearchParams(body);
}

const provider = createServer({ cert: readFileSync(certificateFile), key: readFileSync(keyFile) }, async (request, response) => {
  const url = new URL(request.url, issuer);
  if (url.pathname === '/.well-known/openid-configuration') {
    return json(response, 200, {
      issuer,
      authorization_endpoint: `${issuer}/authorize`,
      token_endpoint: `${issuer}/token`,
      jwks_uri: `${issuer}/jwks`,
      end_session_endpoint: `${issuer}/logout`,
      response_types_supported: ['code'],
      response_modes_supported: ['query', 'form_post'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
      code_challenge_methods_supported: ['S256'],
    });
  }
  if (url.pathname === '/jwks') return json(response, 200, { keys: [jwk] });
  if (url.pathname === '/authorize') {
    const query = Object.fromEntries(url.searchParams);
    seen.authorize.push(query);
    const code = base64url(randomBytes(24));
    codes.set(code, query);
    const answer = (fields, label) => `<form method="post" action="${escape(query.redirect_uri)}">`
      + Object.entries(fields).map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`).join('')
      + `<button type="submit">${label}</button></form>`;
    return page(response, `<h1>Test identity provider</h1>`
      + answer({ code, state: query.state }, `Sign in as ${person}`)
      + answer({ error: 'access_denied', state: query.state }, 'Cancel'));
  }
  if (url.pathname === '/token' && request.method === 'POST') {
    const form = await readForm(request);
    const asked = codes.get(form.get('code'));
    codes.delete(form.get('code'));
    const pkce = asked && base64url(createHash('sha256').update(form.get('code_verifier') ?? '').digest()) === asked.code_challenge;
    seen.token.push({ known: Boolean(asked), pkce, clientId: form.get('client_id') });
    if (!asked || !pkce || form.get('redirect_uri') !== asked.redirect_uri) return json(response, 400, { error: 'invalid_grant' });
    idTokenIssued = signedIdToken(asked.nonce);
    return json(response, 200, { access_token: base64url(randomBytes(24)), token_type: 'Bearer', expires_in: 300, id_token: idTokenIssued });
  }
  if (url.pathname === '/logout') {
    const query = Object.fromEntries(url.searchParams);
    seen.endSession.push(query);
    const back = new URL(query.post_logout_redirect_uri);
    if (query.state) back.searchParams.set('state', query.state);
    response.writeHead(302, { Location: back.toString() });
    return response.end();
  }
  response.writeHead(404);
  response.end();
});
await new Promise(resolve => provider.listen(Number(providerPort), resolve));

const context = await launch({ ignoreHTTPSErrors: true });
try {
  const browser = context.pages()[0] ?? await context.newPage();
  const sessionCookie = async () => (await context.cookies(baseUrl)).find(c => c.name === 'screening-session');
  // A click that starts a navigation (a form post and the redirects that follow it): wait for where it ends, then check.
  const clickAndSettle = async button => { await button.click(); await browser.waitForLoadState('load'); };

  // 1. The pages send an anonymous visitor to the provider: authorization code flow with PKCE, answered by form_post.
  await browser.goto(`${baseUrl}/decisions`);
  check(browser.url().startsWith(`${issuer}/authorize`), `an anonymous visitor is sent to the provider (at ${new URL(browser.url()).origin}${new URL(browser.url()).pathname})`);
  const asked = seen.authorize.at(-1) ?? {};
  check(asked.client_id === clientId && asked.response_type === 'code' && asked.code_challenge_method === 'S256' && Boolean(asked.code_challenge),
    'the request is the code flow with PKCE (S256) for the pages\' client id');
  check(asked.response_mode === 'form_post' && asked.redirect_uri === `${baseUrl}/signin-oidc`, 'the answer comes back by form_post to /signin-oidc');

  // 2. Signing in at the provider posts the code back across sites; the service redeems it and the person is signed in.
  await clickAndSettle(browser.getByRole('button', { name: `Sign in as ${person}` }));
  check(new URL(browser.url()).pathname === '/decisions', `back at the page first asked for (${new URL(browser.url()).pathname})`);
  check((await browser.textContent('body')).includes(`Signed in as ${person}`), `signed in as ${person}`);
  const token = seen.token.at(-1) ?? {};
  check(token.known && token.pkce && token.clientId === clientId, 'the service redeemed the code with its PKCE verifier');
  const cookie = await sessionCookie();
  check(cookie?.sameSite === 'Lax' && cookie?.httpOnly === true, `the session cookie is HttpOnly and SameSite=Lax (${cookie ? `${cookie.sameSite}, HttpOnly ${cookie.httpOnly}` : 'none'})`);
  await browser.screenshot({ path: join(screenshots, 'sso-signed-in.png'), fullPage: true });

  // 3. Still signed in on the next page, without going back to the provider.
  const authorizeCount = seen.authorize.length;
  await browser.goto(`${baseUrl}/screenings/new`);
  check(new URL(browser.url()).pathname === '/screenings/new' && seen.authorize.length === authorizeCount,
    'the next page opens without another trip to the provider');

  // 4. Signing out ends the provider's session too (the form leads there, which the pages' form-action allows).
  await clickAndSettle(browser.getByRole('button', { name: 'Sign out' }));
  const endSession = seen.endSession.at(-1) ?? {};
  check(endSession.id_token_hint === idTokenIssued && endSession.post_logout_redirect_uri === `${baseUrl}/signout-callback-oidc`,
    'signing out ends the provider\'s session, with the ID token as hint, and comes back to the pages');
  check(new URL(browser.url()).pathname === '/signin' && !(await sessionCookie()), 'signed out: back at /signin, no session cookie');
  await browser.goto(`${baseUrl}/decisions`);
  check(browser.url().startsWith(`${issuer}/authorize`), 'after signing out, the pages send the visitor to the provider again');

  // 5. A sign-in cancelled at the provider comes back to the sign-in page with a message, signed in as nobody.
  await clickAndSettle(browser.getByRole('button', { name: 'Cancel' }));
  check(new URL(browser.url()).pathname === '/signin' && (await browser.textContent('body')).includes('did not complete') && !(await sessionCookie()),
    'a cancelled sign-in comes back to /signin with a message, signed in as nobody');
  await browser.screenshot({ path: join(screenshots, 'sso-cancelled.png'), fullPage: true });
} finally {
  await context.close();
  provider.close();
}

finish();
