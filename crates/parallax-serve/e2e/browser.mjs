// End-to-end test of the Parallax web page in a real browser (the system Chromium, driven by
// playwright-core). Run by run.sh, which starts `parallax serve` on a fresh store.
//
//   node browser.mjs BASE_URL TOKEN SCREENSHOT.png
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

const [base, token, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
let passed = 0;
let failed = 0;

async function check(name, fn) {
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name}`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}\n  ${String(error && error.stack || error).split('\n').join('\n  ')}`);
  }
}

async function api(path, init) {
  const response = await fetch(base + path, init);
  return { status: response.status, body: await response.json() };
}

// A story whose brief has a quote group worded by at least two outlets.
async function storyWithSharedQuote() {
  let cursor = null;
  do {
    const page = await api('/api/stories?limit=200' + (cursor ? '&cursor=' + cursor : ''));
    for (const s of page.body.stories.filter((s) => s.outlets.length >= 2)) {
      const brief = (await api('/api/stories/' + s.id)).body;
      const outletOf = new Map(brief.articles.map((a) => [a.id, a.outlet]));
      const group = brief.quotes.find((q) => new Set(q.variants.map((v) => outletOf.get(v.article)).filter(Boolean)).size >= 2);
      if (group) return { id: s.id, title: brief.title };
    }
    cursor = page.body.next;
  } while (cursor);
  return null;
}

const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });

  const target = await storyWithSharedQuote();

  await check('the story list shows stories', async () => {
    await page.goto(base + '/');
    await page.waitForSelector('ol.stories li a.title');
    const count = await page.locator('ol.stories li').count();
    assert.ok(count > 0, 'no stories listed');
    const meta = await page.locator('ol.stories li .meta').first().textContent();
    assert.match(meta, /\d+ articles?/);
  });

  await check('a story opens from the list and a quote group shows two outlets side by side', async () => {
    assert.ok(target, 'no story has a quote worded by two outlets');
    let link = page.locator(`ol.stories a[href="/story/${target.id}"]`);
    while ((await link.count()) === 0 && (await page.locator('a.more').count()) > 0) {
      await Promise.all([page.waitForNavigation(), page.locator('a.more').click()]);
      await page.waitForSelector('ol.stories li');
      link = page.locator(`ol.stories a[href="/story/${target.id}"]`);
    }
    await Promise.all([page.waitForURL(`**/story/${target.id}`), link.first().click()]);
    await page.waitForSelector('h1');
    assert.equal((await page.locator('h1').textContent()).trim(), target.title.trim() || `Story ${target.id}`);
    const groups = page.locator('.quote-group');
    let best = 0;
    for (let i = 0; i < (await groups.count()); i += 1) {
      const outlets = await groups.nth(i).locator('.variant figcaption').allTextContents();
      // A chip reads "Outlet", or "Outlet #id" when the outlet has several articles here.
      best = Math.max(best, new Set(outlets.map((o) => o.trim().replace(/ #\d+$/, ''))).size);
    }
    assert.ok(best >= 2, `the widest quote group shows ${best} outlet(s)`);
    assert.ok((await page.locator('.summary li .chip').count()) > 0, 'summary sentences carry no source chips');
    if (screenshot) await page.screenshot({ path: screenshot });
  });

  await check('a search finds articles and a hit opens its story', async () => {
    await page.goto(base + '/');
    await page.waitForSelector('ol.stories li');
    await page.keyboard.press('/');
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'q');
    const word = (target ? target.title : 'fire').split(/\W+/).find((w) => w.length > 4) || 'fire';
    await page.keyboard.type(word);
    await Promise.all([page.waitForURL('**/search?q=*'), page.keyboard.press('Enter')]);
    await page.waitForSelector('ol.hits li a.title');
    assert.ok((await page.locator('ol.hits mark').count()) > 0, 'no highlighted words in the snippets');
    const href = await page.locator('ol.hits li a.title').first().getAttribute('href');
    await Promise.all([page.waitForURL('**/story/**'), page.locator('ol.hits li a.title').first().click()]);
    await page.waitForSelector('.articles li');
    const anchor = href.split('#')[1];
    assert.ok(anchor && (await page.locator('#' + anchor).count()) === 1, `the hit's article ${anchor} is not on the story page`);
  });

  await check('markup in an article is shown as text and never runs', async () => {
    const title = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Harbour';
    const body = JSON.stringify({
      title,
      text: 'Zqxjv reported <b>bold</b> claims. <script>window.__pwned = 3</script> The end. Also 3 < 4.',
      outlet: '<i>Evil</i> Times',
      url: 'javascript:window.__pwned=4',
    });
    const posted = await api('/api/articles', { method: 'POST', body, headers: { Authorization: 'Bearer ' + token } });
    assert.equal(posted.status, 200, JSON.stringify(posted.body));
    const hits = (await api('/api/search?q=Zqxjv')).body.hits;
    assert.equal(hits.length, 1);
    await page.goto(`${base}/story/${hits[0].story}`);
    await page.waitForSelector('.articles li');
    await page.locator('.articles details summary').first().click();
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    // extract strips tags from titles and texts, but keeps the outlet as given: it must show
    // as the very characters stored.
    const stored = (await api('/api/articles/' + hits[0].article)).body;
    assert.equal(stored.outlet, '<i>Evil</i> Times');
    const meta = await page.locator(`#article-${hits[0].article} .meta`).textContent();
    assert.ok(meta.includes('<i>Evil</i> Times'), `the outlet is not shown as text: ${meta}`);
    const text = await page.locator(`#article-${hits[0].article} details`).textContent();
    assert.ok(text.includes(stored.text.split('\n')[0].slice(0, 30)), 'the article text is not shown as stored');
    assert.equal(await page.locator('main script, main img, main b, main i').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    await page.goto(`${base}/search?q=Zqxjv`);
    await page.waitForSelector('ol.hits li');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator('main script, main img, main b').count(), 0);
  });

  await check('readable at phone width, keyboard first', async () => {
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await phone.goto(`${base}/story/${target ? target.id : 1}`);
    await phone.waitForSelector('.articles li');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    await phone.keyboard.press('Tab');
    const first = await phone.evaluate(() => document.activeElement.textContent.trim());
    assert.equal(first, 'Skip to content');
    await phone.close();
  });

  await check('no script errors and no dialogs', async () => {
    assert.deepEqual(pageErrors, []);
    assert.equal(dialogs, 0);
  });
} finally {
  await browser.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
