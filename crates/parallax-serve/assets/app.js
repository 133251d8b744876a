// Parallax web page: fetches the JSON API and builds the page from DOM text nodes only, so no
// article text can ever become markup (no HTML parsing of fetched text anywhere).
'use strict';

const app = document.getElementById('app');

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else node.setAttribute(key, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const message = body && body.error ? body.error.message : response.statusText;
    throw new Error(message || ('HTTP ' + response.status));
  }
  return body;
}

function show(...nodes) {
  app.replaceChildren(...nodes);
}

function span(first, last) {
  if (!first && !last) return 'undated';
  if (first === last || !last) return first;
  return first + ' – ' + last;
}

function plural(n, word) {
  return n + ' ' + word + (n === 1 ? '' : 's');
}

// ---- story list ----

async function storyList(params) {
  document.title = 'Stories · Parallax';
  const query = new URLSearchParams();
  query.set('limit', '50');
  if (params.get('cursor')) query.set('cursor', params.get('cursor'));
  if (params.get('since')) query.set('since', params.get('since'));
  const page = await getJSON('/api/stories?' + query);
  const items = page.stories.map((s) =>
    el('li', {},
      el('a', { class: 'title', href: '/story/' + encodeURIComponent(s.id) }, s.title || ('Story ' + s.id)),
      el('div', { class: 'meta' },
        plural(s.articles, 'article'), ' · ',
        s.outlets.length ? s.outlets.join(', ') : 'no outlet named', ' · ',
        span(s.first_published, s.last_published))));
  const nodes = [el('h1', {}, 'Stories')];
  if (!items.length) nodes.push(el('p', { class: 'muted' }, 'No stories yet. Add articles with `parallax ingest`.'));
  else nodes.push(el('ol', { class: 'stories' }, items));
  if (page.next) {
    const next = new URLSearchParams(params);
    next.set('cursor', page.next);
    nodes.push(el('a', { class: 'more', href: '/?' + next }, 'Older stories →'));
  }
  show(...nodes);
}

// ---- story page ----

function section(title, id, ...content) {
  return el('section', { 'aria-labelledby': id }, el('h2', { id }, title), ...content);
}

async function storyPage(id) {
  const brief = await getJSON('/api/stories/' + encodeURIComponent(id));
  document.title = (brief.title || 'Story') + ' · Parallax';
  const byId = new Map(brief.articles.map((a) => [a.id, a]));
  const outletCount = new Map();
  for (const a of brief.articles) if (a.outlet) outletCount.set(a.outlet, (outletCount.get(a.outlet) || 0) + 1);
  const label = (aid) => {
    const a = byId.get(aid);
    if (!a || !a.outlet) return '#' + aid;
    return outletCount.get(a.outlet) > 1 ? a.outlet + ' #' + aid : a.outlet;
  };
  const chip = (aid) => {
    const title = (byId.get(aid) || {}).title;
    return el('a', { class: 'chip', href: '#article-' + aid, title: title || null, 'aria-label': 'source: ' + label(aid) + (title ? ', ' + title : '') }, label(aid));
  };
  const chips = (ids) => el('span', { class: 'sources' }, (ids || []).map(chip));

  const outlets = [...new Set(brief.articles.map((a) => a.outlet).filter(Boolean))];
  const dates = brief.articles.map((a) => a.published).filter(Boolean).sort();
  const nodes = [
    el('h1', {}, brief.title || ('Story ' + id)),
    el('p', { class: 'meta' }, plural(brief.articles.length, 'article'), ' · ',
      outlets.length ? outlets.join(', ') : 'no outlet named', ' · ', span(dates[0], dates[dates.length - 1])),
  ];

  if (brief.summary.length) {
    nodes.push(section('Summary', 'summary', el('ol', { class: 'summary' },
      brief.summary.map((s) => el('li', {}, s.text, ' ', chips(s.sources))))));
  }
  if (brief.quotes.length) {
    // One block per speaker, that speaker's statements under it; unattributed ones last.
    const blocks = [];
    for (const q of brief.quotes) {
      const speaker = q.speaker || null;
      let b = blocks.find((x) => x.speaker === speaker);
      if (!b) { b = { speaker, title: null, quotes: [] }; blocks.push(b); }
      b.title = b.title || q.speaker_title;
      b.quotes.push(q);
    }
    blocks.sort((a, b) => (a.speaker === null) - (b.speaker === null));
    nodes.push(section('Who said what', 'quotes', blocks.map((b) =>
      el('div', { class: 'quote-group' },
        el('h3', {}, b.speaker || 'Unattributed', b.title ? el('span', { class: 'muted' }, ', ' + b.title) : null),
        b.quotes.map((q) => el('div', { class: 'variants' },
          q.variants.map((v) =>
            el('figure', { class: 'variant' }, el('blockquote', {}, '“' + v.text + '”'), el('figcaption', {}, chip(v.article)))),
          (q.attributions && q.attributions.length)
            ? el('p', { class: 'muted' }, 'Outlets differ on who said it: ' +
              q.attributions.map((a) => a.speaker + ' (' + a.articles.join(', ') + ')').join('; '))
            : null))))));
  }
  if (brief.figures.length) {
    nodes.push(section('Figures', 'figures', el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'What'), el('th', { scope: 'col' }, 'Outlets'), el('th', { scope: 'col' }, 'Reported'))),
      el('tbody', {}, brief.figures.map((f) => el('tr', {},
        el('td', {}, f.about),
        el('td', {}, el('span', { class: 'status status-' + f.status }, f.status === 'single' ? 'one source' : f.status)),
        el('td', {}, f.mentions.map((m) => el('div', {}, m.text, ' ', chip(m.article)))))))))));
  }
  if (brief.exclusives.length) {
    nodes.push(section('Only one outlet reports', 'exclusives', el('ul', {},
      brief.exclusives.map((x) => el('li', {}, chip(x.article), ' ', x.text)))));
  }
  if (brief.timeline.length) {
    nodes.push(section('Timeline', 'timeline', el('ol', { class: 'timeline' },
      brief.timeline.map((t) => el('li', {},
        el('time', { datetime: t.date }, t.precision === 'day' ? t.date : t.date + ' (' + t.precision + ')'),
        t.when ? el('span', { class: 'muted' }, '“' + t.when + '” ') : null, t.text, ' ', chips(t.sources))))));
  }
  if (brief.entities.length) {
    nodes.push(section('People, organisations, places', 'entities', el('ul', { class: 'entities' },
      brief.entities.map((e) => el('li', {}, el('strong', {}, e.name), ' ',
        el('span', { class: 'muted' }, e.kind + ' · ' + e.mentions + (e.aliases.length ? ' · also ' + e.aliases.join(', ') : '')))))));
  }
  nodes.push(section('Articles', 'articles', el('ol', { class: 'articles' }, brief.articles.map((a) => {
    const url = safeUrl(a.url) || safeUrl(a.source);
    return el('li', { id: 'article-' + a.id },
      el('h3', {}, a.title || ('Article ' + a.id)),
      el('div', { class: 'meta' }, [a.outlet, a.published, a.authors.join(', ')].filter(Boolean).join(' · ') || a.source),
      url ? el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Read at the source') : null,
      el('details', {}, el('summary', {}, 'Text as extracted'),
        a.text.split(/\n\s*\n/).filter((p) => p.trim()).map((p) => el('p', {}, p))));
  }))));
  show(...nodes);
  focusHash();
}

function focusHash() {
  if (!location.hash) return;
  const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
  if (!target) return;
  const details = target.querySelector('details');
  if (details) details.open = true;
  target.scrollIntoView();
}

window.addEventListener('hashchange', focusHash);

// ---- search ----

// The API's snippet is escaped text with matches in <mark>; rebuild it as nodes, never as HTML.
function snippetNodes(snippet) {
  const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const out = [];
  let marked = false;
  for (const part of String(snippet || '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') marked = true;
    else if (part === '</mark>') marked = false;
    else if (part) out.push(marked ? el('mark', {}, decode(part)) : document.createTextNode(decode(part)));
  }
  return out;
}

async function searchPage(params) {
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  document.title = (q ? q + ' · ' : '') + 'Search · Parallax';
  if (!q.trim()) {
    show(el('h1', {}, 'Search'), el('p', { class: 'muted' }, 'Type words to find articles; "quotes" for a phrase, word* for a prefix.'));
    return;
  }
  const result = await getJSON('/api/search?' + new URLSearchParams({ q, limit: '50' }));
  const items = result.hits.map((h) => {
    const href = h.story !== null && h.story !== undefined
      ? '/story/' + encodeURIComponent(h.story) + '#article-' + encodeURIComponent(h.article)
      : '/api/articles/' + encodeURIComponent(h.article);
    return el('li', {},
      el('a', { class: 'title', href }, h.title || ('Article ' + h.article)),
      el('div', { class: 'meta' }, [h.outlet, h.published].filter(Boolean).join(' · ')),
      el('p', { class: 'snippet' }, snippetNodes(h.snippet)));
  });
  show(el('h1', {}, 'Results for “' + q + '”'),
    items.length ? el('ol', { class: 'hits' }, items) : el('p', { class: 'muted' }, 'Nothing found.'));
}

// ---- routing ----

async function route() {
  const path = location.pathname;
  const params = new URLSearchParams(location.search);
  try {
    const story = path.match(/^\/story\/(\d+)$/);
    if (story) await storyPage(story[1]);
    else if (path === '/search') await searchPage(params);
    else await storyList(params);
  } catch (error) {
    show(el('h1', {}, 'Something went wrong'), el('p', { class: 'error', role: 'alert' }, error.message));
  }
}

document.addEventListener('keydown', (event) => {
  const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    document.getElementById('q').focus();
  }
});

route();
