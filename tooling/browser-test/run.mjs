// Browser test of the built documentation site: serves docs/.vitepress/dist on 127.0.0.1, visits
// every page in Debian's Chromium (never a downloaded browser; generated API pages mostly by
// client-side navigation) and fails on console errors, page errors or non-200 responses; on the
// playground it moves sliders and checks that the numbers and the chart change. Screenshots go to
// tooling/browser-test/screenshots/ (git-ignored).
// Usage: pnpm docs:build && pnpm docs:test   (--chromium=/path overrides /usr/bin/chromium)
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { availableParallelism } from 'node:os';
import { extname, join, normalize, relative, resolve, sep } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'docs/.vitepress/dist');
const shots = join(import.meta.dirname, 'screenshots');
const option = (name) =>
  process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const executablePath = option('chromium') ?? '/usr/bin/chromium';
// `--pages=argyrodite` visits only the pages whose URL contains that text (for development).
const onlyPages = option('pages');
const TOTAL_TIMEOUT_MS = 480_000;
const PAGE_TIMEOUT_MS = 30_000;
// Parallel tabs: more than the cores only makes every page slower (and the per-page timeout tighter).
const CONCURRENCY = Math.min(6, Math.max(2, availableParallelism()));

const results = [];
const record = (name, ok, detail = '') => {
  results.push({ name, ok, detail });
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};

function finish() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

const watchdog = setTimeout(() => {
  record('whole run finishes in time', false, `still running after ${TOTAL_TIMEOUT_MS / 1000} s`);
  finish();
}, TOTAL_TIMEOUT_MS);
watchdog.unref();

if (!existsSync(join(dist, 'index.html'))) {
  record('built site exists', false, `${dist}/index.html is missing: run pnpm docs:build first`);
  finish();
}
if (!existsSync(executablePath)) {
  record('chromium exists', false, `${executablePath} is missing: apt-get install -y chromium`);
  finish();
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const candidate = normalize(join(dist, decoded));
  if (candidate !== dist && !candidate.startsWith(dist + sep)) return undefined;
  for (const path of [candidate, `${candidate}.html`, join(candidate, 'index.html')]) {
    if (existsSync(path) && statSync(path).isFile()) return path;
  }
  return undefined;
}

const server = createServer((request, response) => {
  const file = fileFor(request.url ?? '/');
  if (file === undefined) {
    response.writeHead(404, { 'content-type': TYPES['.html'] });
    response.end(readFileSync(join(dist, '404.html')));
    return;
  }
  const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' };
  // Hashed build assets never change: let the browser cache them across the ~400 page visits.
  if (request.url?.startsWith('/assets/')) {
    headers['cache-control'] = 'public, max-age=31536000, immutable';
  }
  response.writeHead(200, headers);
  response.end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const base = `http://127.0.0.1:${server.address().port}`;

function htmlPages(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'assets' ? [] : htmlPages(path);
    return entry.name.endsWith('.html') && entry.name !== '404.html' ? [path] : [];
  });
}
const pages = htmlPages(dist)
  .map((path) => `/${relative(dist, path).split(sep).join('/')}`)
  .filter((url) => onlyPages === undefined || url.includes(onlyPages))
  .sort();

mkdirSync(shots, { recursive: true });
const shotName = (url) => url.replace(/^\//, '').replace(/[^a-zA-Z0-9.-]+/g, '_') || 'index';

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

function watchErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) errors.unshift(`HTTP ${response.status()} ${response.url()}`);
  });
  return errors;
}

async function visit(url) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    const response = await page.goto(base + url, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    if (response?.status() !== 200) errors.push(`status ${response?.status()}`);
    await page.waitForSelector('.VPContent', { timeout: PAGE_TIMEOUT_MS });
    // Let hydration, data and the playground worker run before judging the console.
    await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
    await page.screenshot({ path: join(shots, `${shotName(url)}.png`), fullPage: true });
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    await page.close();
  }
  record(`page ${url}`, errors.length === 0, errors.slice(0, 3).join(' | '));
}

// Hand-written pages, /api/ and each package's API index get a full load (server HTML, hydration,
// screenshot); the ~390 other generated API pages share one template and are reached by
// client-side navigation from there, which renders each in the real app and catches its console
// errors at a fraction of the cost of a full load.
const fullLoad = (url) =>
  !url.startsWith('/api/') || /^\/api\/(@solidcell\/[^/]+\/)?index\.html$/.test(url);

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
/** The <title> the built page declares (VitePress sets document.title to it after navigation). */
function titleOf(url) {
  const raw = /<title>([^<]*)<\/title>/.exec(readFileSync(join(dist, url), 'utf8'))?.[1] ?? '';
  return raw.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name) => ENTITIES[name]);
}

async function navigateAll(queue) {
  const page = await context.newPage();
  const errors = watchErrors(page);
  const reload = async () => {
    await page.goto(`${base}/api/index.html`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await page.waitForSelector('.VPContent', { timeout: PAGE_TIMEOUT_MS });
  };
  await reload();
  errors.length = 0;
  for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
    try {
      // A click on a same-origin link is what the VitePress router intercepts.
      await page.evaluate((href) => {
        const link = document.createElement('a');
        link.href = href;
        document.body.append(link);
        link.click();
        link.remove();
      }, url);
      await page.waitForFunction((title) => document.title === title, titleOf(url), {
        timeout: PAGE_TIMEOUT_MS,
      });
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done())));
      if (new URL(page.url()).pathname !== url) errors.push(`landed on ${page.url()}`);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
    record(
      `page ${url} (client-side navigation)`,
      errors.length === 0,
      errors.slice(0, 3).join(' | '),
    );
    if (errors.length > 0) {
      errors.length = 0;
      await reload().catch(() => {});
    }
  }
  await page.close();
}

/** The number before "mAh/g" after `label` in a formation summary ("charge 42.5 mAh/g, …"). */
const mAhPerG = (text, label) =>
  Number(new RegExp(`${label} ([\\d.]+) mAh/g`).exec(text ?? '')?.[1] ?? Number.NaN);

async function playground() {
  const page = await context.newPage();
  const errors = watchErrors(page);
  const read = async () => ({
    sigma: await page.textContent('[data-testid=sigma]'),
    sigmaE: await page.textContent('[data-testid=sigma-e]'),
    fractions: await page.textContent('[data-testid=fractions]'),
    thickness: await page.textContent('[data-testid=thickness]'),
    seWidth: Number(await page.getAttribute('[data-testid=chart] rect[data-phase=se]', 'width')),
    carbonWidth: Number(
      await page.getAttribute('[data-testid=chart] rect[data-phase=carbon]', 'width'),
    ),
  });
  try {
    await page.goto(`${base}/playground.html`, { waitUntil: 'load', timeout: PAGE_TIMEOUT_MS });
    await page.waitForSelector('[data-testid=sigma]', { timeout: PAGE_TIMEOUT_MS });
    await page.waitForSelector('[data-testid=formation-chart] polyline', {
      timeout: PAGE_TIMEOUT_MS,
    });
    const before = await read();
    const formationBefore = await page.textContent('[data-testid=formation]');
    const curveBefore = await page.getAttribute('polyline[data-branch=discharge]', 'points');
    await page.screenshot({ path: join(shots, 'playground-before.png'), fullPage: true });

    // NCM 90 → 80 wt%: SE rises from 7 to 17 wt%, so its bar and the conductivity must grow.
    await page.locator('[data-testid=ncm]').fill('80');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid=sigma]')?.textContent !== old,
      before.sigma,
      { timeout: PAGE_TIMEOUT_MS },
    );
    const after = await read();
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid=formation]')?.textContent !== old,
      formationBefore,
      { timeout: PAGE_TIMEOUT_MS },
    );
    const formationAfter = await page.textContent('[data-testid=formation]');
    const curveAfter = await page.getAttribute('polyline[data-branch=discharge]', 'points');
    record(
      'playground: the formation curve is recomputed (more SE → more capacity) and redrawn',
      curveAfter !== curveBefore &&
        mAhPerG(formationAfter, 'discharge') > mAhPerG(formationBefore, 'discharge'),
      `${formationBefore?.replace(/\s+/g, ' ')} → ${formationAfter?.replace(/\s+/g, ' ')}`,
    );
    await page.screenshot({ path: join(shots, 'playground-after.png'), fullPage: true });
    const sigma = (text) => Number.parseFloat(text ?? 'NaN');
    record(
      'playground: moving the NCM slider 90 → 80 wt% changes the numbers and the chart',
      after.fractions !== before.fractions &&
        after.seWidth > before.seWidth &&
        sigma(after.sigma) > sigma(before.sigma) &&
        (await page.textContent('[data-testid=se-value]'))?.trim() === '17 wt%',
      `σ ${before.sigma} → ${after.sigma}; SE bar ${before.seWidth.toFixed(1)} → ${after.seWidth.toFixed(1)}`,
    );

    // SC → CF at the same wt%: carbon fibre is three times denser, so its bar must shrink.
    await page.selectOption('[data-testid=carbon-shape]', 'fiber');
    await page.waitForFunction(
      (old) => document.querySelector('[data-testid=fractions]')?.textContent !== old,
      after.fractions,
      { timeout: PAGE_TIMEOUT_MS },
    );
    const fibre = await read();
    record(
      'playground: switching SC → CF shrinks the carbon bar and changes σ_e',
      fibre.carbonWidth < after.carbonWidth / 2.5 && fibre.sigmaE !== after.sigmaE,
      `carbon bar ${after.carbonWidth.toFixed(1)} → ${fibre.carbonWidth.toFixed(1)}; σ_e ${after.sigmaE} → ${fibre.sigmaE}`,
    );
    await page.screenshot({ path: join(shots, 'playground-fibre.png'), fullPage: true });
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  } finally {
    await page.close();
  }
  record(
    'playground: no console or page errors',
    errors.length === 0,
    errors.slice(0, 3).join(' | '),
  );
}

const started = Date.now();
try {
  const queue = pages.filter(fullLoad);
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift()) await visit(url);
    }),
  );
  await playground();
  const apiQueue = pages.filter((url) => !fullLoad(url));
  await Promise.all(Array.from({ length: CONCURRENCY }, () => navigateAll(apiQueue)));
} catch (error) {
  record('browser run', false, error instanceof Error ? error.message : String(error));
} finally {
  await browser.close();
  server.close();
}
console.log(`visited ${pages.length} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
finish();
