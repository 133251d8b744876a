// End-to-end test of the Parallax web page in a real browser (the system Chromium, driven by
// playwright-core). Run by run.sh, which starts `parallax serve` on a fresh store.
//
//   node browser.mjs BASE_URL TOKEN SCREENSHOT.png
// With SCREENSHOT.png given, the bundled example's story is also shot at desktop and phone width
// into SCREENSHOT-story.png and SCREENSHOT-phone.png (the README's pictures).
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

// The same rule as the page: a title that is a spelled-out address names nothing.
function looksLikeUrl(title) {
  const t = String(title || '').trim();
  return /^(https?\s*:\s*\/\s*\/|www\s*\.)/i.test(t) || /^[\w-]+(\s*\.\s*[\w-]+){2,}(\s*\/|$)/.test(t);
}

// The story made of the bundled example (examples/harbour-fire), if it was ingested.
async function exampleStory() {
  const hits = (await api('/api/search?q=Brennick&limit=50')).body.hits || [];
  const counts = new Map();
  for (const h of hits) if (h.story !== null) counts.set(h.story, (counts.get(h.story) || 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

// A word that many articles share, and an outlet some of its hits have: for paging and filters.
async function busySearch() {
  for (const word of ['said', 'police', 'people', 'fire', 'the']) {
    const result = (await api('/api/search?q=' + word + '&limit=5')).body;
    const outlet = (result.hits || []).map((h) => h.outlet).find(Boolean);
    if (result.total > 5 && outlet) return { word, total: result.total, outlet };
  }
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
    const heading = (await page.locator('h1').textContent()).trim();
    if (target.title.trim() && !looksLikeUrl(target.title)) assert.equal(heading, target.title.trim());
    else assert.ok(heading && !looksLikeUrl(heading), `the heading is an address: ${heading}`);
    const groups = page.locator('.quote-group');
    let best = 0;
    for (let i = 0; i < (await groups.count()); i += 1) {
      const outlets = await groups.nth(i).locator('.variant figcaption').allTextContents();
      // A chip reads "Outlet", or "Outlet (2)" when the outlet has several articles here.
      best = Math.max(best, new Set(outlets.map((o) => o.trim().replace(/ \(\d+\)$/, ''))).size);
    }
    assert.ok(best >= 2, `the widest quote group shows ${best} outlet(s)`);
    assert.ok((await page.locator('.summary li .chip').count()) > 0, 'summary sentences carry no source chips');
    if (screenshot) await page.screenshot({ path: screenshot });
  });

  await check('the coverage strip lists every outlet with its count and a link to each article', async () => {
    assert.ok(target, 'no story to open');
    const brief = (await api('/api/stories/' + target.id)).body;
    await page.goto(`${base}/story/${target.id}`);
    await page.waitForSelector('.coverage .outlet');
    const strip = page.locator('.coverage');
    // The strip comes before the summary: coverage is the first thing a reader sees.
    const order = await page.evaluate(() => {
      const c = document.querySelector('.coverage');
      const s = document.querySelector('#section-summary');
      return !s || Boolean(c.compareDocumentPosition(s) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(order, 'the coverage strip is not above the summary');
    const counts = (await strip.locator('.outlet .count').allTextContents()).map(Number);
    assert.equal(counts.reduce((a, b) => a + b, 0), brief.articles.length);
    const links = strip.locator('.outlet a');
    assert.equal(await links.count(), brief.articles.length, 'not one link per article');
    const external = brief.articles.filter((a) => /^https?:\/\//i.test(a.url || '')).length;
    assert.equal(await strip.locator('a.out[href^="http"][rel~="noopener"]').count(), external);
    const wired = brief.articles.filter((a) => a.wire && a.wire.length).length;
    assert.equal(await strip.locator('.wire').count(), wired, 'wire copies are not all marked');
    // An in-page link leads to that article's text.
    const inner = strip.locator('a.in').first();
    if (await inner.count()) {
      const href = await inner.getAttribute('href');
      await inner.click();
      assert.equal(await page.locator(href).count(), 1);
    }
    // No source is known by a path on the server's disk.
    const text = await page.locator('main').textContent();
    assert.ok(!/\/(home|tmp|work|Users)\//.test(text), 'a filesystem path is shown');
  });

  await check('one block per speaker, each with all of that speaker\'s statements', async () => {
    let story = null;
    let speakers = null;
    for (const id of [await exampleStory(), target && target.id].filter(Boolean)) {
      const brief = (await api('/api/stories/' + id)).body;
      const named = brief.quotes.map((q) => q.speaker).filter(Boolean);
      if (new Set(named).size < named.length) { story = id; speakers = new Set(named); break; }
    }
    assert.ok(story, 'no story quotes one speaker twice');
    await page.goto(`${base}/story/${story}`);
    await page.waitForSelector('.quote-group h3');
    const heads = (await page.locator('.quote-group h3').allTextContents()).map((h) => h.split(',')[0].trim());
    assert.equal(new Set(heads).size, heads.length, `a speaker has two blocks: ${heads.join(' | ')}`);
    assert.ok(heads.length <= speakers.size, `${heads.length} blocks for ${speakers.size} speakers`);
    let most = 0;
    for (let i = 0; i < (await page.locator('.quote-group').count()); i += 1) {
      most = Math.max(most, await page.locator('.quote-group').nth(i).locator('.statement').count());
    }
    assert.ok(most >= 2, 'no block holds several statements');
  });

  await check('search pages through its results and filters them by outlet and date', async () => {
    const busy = await busySearch();
    assert.ok(busy, 'no word has enough hits to page');
    await page.goto(`${base}/search?q=${encodeURIComponent(busy.word)}`);
    await page.waitForSelector('ol.hits li');
    const total = await page.locator('.total').textContent();
    assert.match(total, /^\d+\+? articles?/);
    const first = await page.locator('ol.hits li a.title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok((await page.locator('ol.hits .meta').first().textContent()).trim().length > 0);
    if (busy.total > 20) {
      await Promise.all([page.waitForURL('**offset=20*'), page.locator('.pager a.next').click()]);
      await page.waitForSelector('ol.hits li');
      const second = await page.locator('ol.hits li a.title').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      assert.ok(second.every((h) => !first.includes(h)), 'page 2 repeats page 1');
      assert.match(await page.locator('.page-of').textContent(), /^Page 2 of/);
      await Promise.all([page.waitForURL((u) => !u.search.includes('offset')), page.locator('.pager a.prev').click()]);
      await page.waitForSelector('ol.hits li');
    }
    await page.fill('.filters input[name=outlet]', busy.outlet);
    await Promise.all([page.waitForURL('**outlet=*'), page.locator('.filters button').click()]);
    await page.waitForSelector('ol.hits li');
    const metas = await page.locator('ol.hits .meta').allTextContents();
    assert.ok(metas.length > 0 && metas.every((m) => m.toLowerCase().startsWith(busy.outlet.toLowerCase())), metas.join(' | '));
    // A date window nothing falls in empties the list, and says so.
    await page.fill('.filters input[name=since]', '1901-01-01');
    await page.fill('.filters input[name=until]', '1901-01-02');
    await Promise.all([page.waitForURL('**until=1901-01-02*'), page.locator('.filters button').click()]);
    await page.waitForSelector('main p.muted');
    assert.equal(await page.locator('ol.hits li').count(), 0);
    assert.match(await page.locator('.total').textContent(), /^0 articles/);
    await page.locator('.filters a.clear').click();
    await page.waitForSelector('ol.hits li');
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
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
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
    const phone = await browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await phone.goto(`${base}/story/${target ? target.id : 1}`);
    await phone.waitForSelector('.articles li');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page is ${overflow}px wider than the phone`);
    // Nothing sticks out of the screen, and the statements stack rather than squeeze.
    const wide = await phone.evaluate(() => [...document.querySelectorAll('main *')]
      .filter((n) => n.getBoundingClientRect().right > window.innerWidth + 1 && !n.closest('.table-wrap, details:not([open])'))
      .map((n) => n.tagName + '.' + n.className).slice(0, 5));
    assert.deepEqual(wide, []);
    const columns = await phone.evaluate(() => {
      const v = document.querySelector('.variants');
      return v ? getComputedStyle(v).gridTemplateColumns.split(' ').length : 1;
    });
    assert.equal(columns, 1, 'quote wordings sit side by side on a phone');
    const fontSize = await phone.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.summary li, main p')).fontSize));
    assert.ok(fontSize >= 14, `body text is ${fontSize}px`);
    assert.ok(await phone.locator('.coverage .outlet').first().isVisible(), 'no coverage strip on the phone');
    await phone.goto(`${base}/search?q=fire`);
    await phone.waitForSelector('.filters');
    const searchOverflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(searchOverflow <= 1, `the search page is ${searchOverflow}px wider than the phone`);
    await phone.keyboard.press('Tab');
    const first = await phone.evaluate(() => document.activeElement.textContent.trim());
    assert.equal(first, 'Skip to content');
    await phone.close();
  });

  if (screenshot) {
    await check('screenshots of the bundled example story, desktop and phone', async () => {
      const story = await exampleStory();
      assert.ok(story, 'the bundled example was not ingested');
      const stem = screenshot.replace(/\.png$/, '');
      const desk = await browser.newPage({ viewport: { width: 1000, height: 1100 } });
      await desk.goto(`${base}/story/${story}`);
      await desk.waitForSelector('.coverage .outlet');
      await desk.screenshot({ path: stem + '-story.png' });
      await desk.close();
      const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true });
      await phone.goto(`${base}/story/${story}`);
      await phone.waitForSelector('.coverage .outlet');
      await phone.screenshot({ path: stem + '-phone.png' });
      await phone.close();
    });
  }

  await check('no script errors and no dialogs', async () => {
    assert.deepEqual(pageErrors, []);
    assert.equal(dialogs, 0);
  });
} finally {
  await browser.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
