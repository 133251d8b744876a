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

function plural(n, word, many) {
  return n + ' ' + (n === 1 ? word : (many || word + 's'));
}

// ---- dates ----

const DAY = 24 * 60 * 60 * 1000;

function dayOf(value) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const time = Date.parse(value.slice(0, 10) + 'T00:00:00Z');
  return Number.isNaN(time) ? null : time;
}

// "today", "yesterday", "3 days ago", "2 months ago", "in 2 days": days are all the API knows.
function relative(value) {
  const day = dayOf(value);
  if (day === null) return null;
  const now = new Date();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const days = Math.round((today - day) / DAY);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  const ahead = days < 0;
  const n = Math.abs(days);
  const amount = n < 14 ? plural(n, 'day') : n < 60 ? plural(Math.round(n / 7), 'week')
    : n < 730 ? plural(Math.round(n / 30.44), 'month') : plural(Math.round(n / 365.25), 'year');
  return ahead ? 'in ' + amount : amount + ' ago';
}

function absolute(value) {
  const day = dayOf(value);
  if (day === null) return String(value);
  return new Date(day).toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

// A date as readers want it: relative, with the exact day beside it and in the markup.
function when(value) {
  if (!dayOf(value)) return null;
  return el('time', { datetime: value.slice(0, 10), title: value.slice(0, 10) },
    relative(value), ' (', absolute(value), ')');
}

function dateSpan(first, last) {
  if (!first && !last) return 'date unknown';
  if (!last || first === last) return when(first || last);
  return el('span', {}, 'published ', when(last), ', first ', absolute(first));
}

// ---- titles and sources ----

// A title that is a spelled-out address ("http : / / news . example . com …") names nothing.
function looksLikeUrl(title) {
  const t = String(title || '').trim();
  return /^(https?\s*:\s*\/\s*\/|www\s*\.)/i.test(t) || /^[\w-]+(\s*\.\s*[\w-]+){2,}(\s*\/|$)/.test(t);
}

function titleOf(title, fallback) {
  return title && !looksLikeUrl(title) ? title : fallback;
}

// The name of a file or the host of a URL: all a reader needs of where an article came from.
function sourceName(source) {
  const s = String(source || '');
  const url = safeUrl(s);
  if (url) {
    try { return new URL(url).hostname.replace(/^www\./, ''); } catch (_) { return s; }
  }
  const parts = s.split(/[\\/]/).filter(Boolean);
  return parts.length ? parts[parts.length - 1] : s;
}

function outletName(article) {
  if (article.outlet) return article.outlet;
  const url = safeUrl(article.url);
  if (url) return sourceName(url);
  return 'Unnamed source (' + (sourceName(article.source) || 'article ' + article.id) + ')';
}

function outletList(outlets, shown) {
  if (!outlets.length) return 'outlets not named';
  const head = outlets.slice(0, shown).join(', ');
  return outlets.length > shown ? head + ' and ' + (outlets.length - shown) + ' more' : head;
}

// ---- story list ----

async function storyList(params) {
  document.title = 'Stories · Parallax';
  const query = new URLSearchParams();
  query.set('limit', '30');
  if (params.get('cursor')) query.set('cursor', params.get('cursor'));
  if (params.get('since')) query.set('since', params.get('since'));
  const page = await getJSON('/api/stories?' + query);
  const items = page.stories.map((s) =>
    el('li', {},
      el('a', { class: 'title', href: '/story/' + encodeURIComponent(s.id) },
        titleOf(s.title, 'Untitled story: ' + outletList(s.outlets, 2))),
      el('div', { class: 'meta' },
        plural(s.articles, 'article'), ' · ', outletList(s.outlets, 4), ' · ',
        dateSpan(s.first_published, s.last_published))));
  const nodes = [el('h1', {}, 'Stories'), el('p', { class: 'muted' }, 'Latest publication first.')];
  if (!items.length) nodes.push(el('p', { class: 'muted' }, 'No stories yet. Add articles with `parallax ingest`.'));
  else nodes.push(el('ol', { class: 'stories' }, items));
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages of stories' });
  if (params.get('cursor')) pager.append(el('a', { href: '/' }, '← Latest stories'));
  if (page.next) {
    const next = new URLSearchParams(params);
    next.set('cursor', page.next);
    pager.append(el('a', { class: 'more', href: '/?' + next }, 'Older stories →'));
  }
  nodes.push(pager);
  show(...nodes);
}

// ---- story page ----

function section(title, id, ...content) {
  return el('section', { id: 'section-' + id, 'aria-labelledby': id }, el('h2', { id }, title), ...content);
}

// A list that shows its first `shown` items and folds the rest under "Show N more".
function folded(tag, attrs, items, shown, what) {
  if (items.length <= shown) return el(tag, attrs, items);
  return el('div', {}, el(tag, attrs, items.slice(0, shown)),
    el('details', { class: 'more-items' }, el('summary', {}, 'Show ' + plural(items.length - shown, 'more ' + what, 'more ' + what)),
      el(tag, Object.assign({}, attrs, { start: tag === 'ol' ? shown + 1 : null }), items.slice(shown))));
}

// Outlets with their articles: how many, which are wire copies, and a link out to each.
function coverage(brief, byOutlet) {
  const wire = brief.articles.filter((a) => a.wire && a.wire.length).length;
  const named = new Set(brief.articles.map((a) => a.outlet).filter(Boolean)).size;
  const unnamed = [...byOutlet.values()].filter((list) => !list[0].outlet).length;
  const items = [...byOutlet.entries()].map(([name, articles]) => el('li', { class: 'outlet' },
    el('span', { class: 'outlet-name' }, name),
    el('span', { class: 'count', title: plural(articles.length, 'article') }, String(articles.length)),
    articles.map((a, i) => {
      const url = safeUrl(a.url);
      const label = articles.length > 1 ? String(i + 1) : 'read';
      const wires = a.wire && a.wire.length ? el('span', { class: 'wire', title: 'Credits ' + a.wire.join(', ') }, 'wire: ' + a.wire.join(', ')) : null;
      const link = url
        ? el('a', { class: 'out', href: url, rel: 'noopener noreferrer nofollow', target: '_blank', 'aria-label': 'Read at ' + name + (a.title ? ': ' + a.title : '') + ' (opens the source)' }, label + ' ↗')
        : el('a', { class: 'in', href: '#article-' + a.id, 'aria-label': 'The text of ' + name + (a.title ? ': ' + a.title : '') }, label === 'read' ? 'text' : label);
      return el('span', { class: 'article-links' }, link, wires);
    })));
  return el('section', { class: 'coverage', 'aria-label': 'Coverage' },
    el('p', { class: 'coverage-total' }, plural(named, 'outlet'), unnamed ? ' · ' + plural(unnamed, 'unnamed source') : '',
      ' · ', plural(brief.articles.length, 'article'),
      wire ? ' · ' + wire + (wire === 1 ? ' credits' : ' credit') + ' a wire service' : ''),
    el('ul', { class: 'outlets' }, items));
}

// Speakers the brief names in several ways ("Okonkwo", "Fire Chief Marta Okonkwo") are one
// person when the brief's own entities say so; otherwise only identical names are joined.
function speakerKey(entities) {
  const people = entities.filter((e) => e.kind === 'person');
  const norm = (s) => String(s).toLowerCase().replace(/\s+/g, ' ').trim();
  const byName = new Map();
  for (const e of people) {
    for (const name of [e.name, ...e.aliases]) {
      const key = norm(name);
      // A name two people share settles nothing.
      byName.set(key, byName.has(key) && byName.get(key) !== e ? null : e);
    }
  }
  return (speaker) => {
    if (!speaker) return { key: null, entity: null };
    const name = norm(speaker);
    let entity = byName.get(name) || null;
    if (!entity) {
      const endings = people.filter((e) => name.endsWith(' ' + norm(e.name)));
      if (endings.length === 1) entity = endings[0];
    }
    return { key: entity ? 'entity:' + norm(entity.name) : 'name:' + name, entity };
  };
}

function speakerBlocks(brief) {
  const keyOf = speakerKey(brief.entities || []);
  const blocks = new Map();
  for (const q of brief.quotes) {
    const { key, entity } = keyOf(q.speaker);
    if (!blocks.has(key)) blocks.set(key, { name: entity ? entity.name : q.speaker, titles: [], quotes: [], articles: new Set() });
    const b = blocks.get(key);
    for (const title of [q.speaker_title, ...(entity ? entity.titles : [])]) {
      if (title && !b.titles.some((t) => t.toLowerCase() === title.toLowerCase())) b.titles.push(title);
    }
    b.quotes.push(q);
    for (const v of q.variants) b.articles.add(v.article);
  }
  // Most widely quoted first; unattributed statements last.
  return [...blocks.values()].sort((a, b) => (a.name === null) - (b.name === null)
    || b.articles.size - a.articles.size || b.quotes.length - a.quotes.length);
}

// Figures several outlets give, by the summary sentences that state them.
function figureNotes(brief) {
  const notes = new Map();
  brief.figures.filter((f) => f.status !== 'single').forEach((f, i) => {
    brief.summary.forEach((s, n) => {
      if (f.mentions.some((m) => m.text && s.text.includes(m.text))) {
        if (!notes.has(n)) notes.set(n, []);
        notes.get(n).push({ figure: f, index: i });
      }
    });
  });
  return notes;
}

const STATUS_WORDS = { agree: 'outlets agree', differ: 'outlets differ', updated: 'updated as it unfolded', single: 'one outlet' };
const KIND_WORDS = [['person', 'People'], ['organization', 'Organisations'], ['place', 'Places'], ['other', 'Other names']];

async function storyPage(id) {
  const brief = await getJSON('/api/stories/' + encodeURIComponent(id));
  const byId = new Map(brief.articles.map((a) => [a.id, a]));
  const byOutlet = new Map();
  for (const a of brief.articles) {
    const name = outletName(a);
    if (!byOutlet.has(name)) byOutlet.set(name, []);
    byOutlet.get(name).push(a);
  }
  const label = (aid) => {
    const a = byId.get(aid);
    if (!a) return 'article ' + aid;
    const name = outletName(a);
    const same = byOutlet.get(name) || [];
    return same.length > 1 ? name + ' (' + (same.indexOf(a) + 1) + ')' : name;
  };
  const chip = (aid) => {
    const title = (byId.get(aid) || {}).title;
    return el('a', { class: 'chip', href: '#article-' + aid, title: title || null, 'aria-label': 'source: ' + label(aid) + (title ? ', ' + title : '') }, label(aid));
  };
  const chips = (ids) => el('span', { class: 'sources' }, (ids || []).map(chip));

  const fallback = 'Story ' + id + ' · ' + outletList([...byOutlet.keys()], 2);
  const title = titleOf(brief.title, titleOf((brief.articles.find((a) => titleOf(a.title, null)) || {}).title, fallback));
  document.title = title + ' · Parallax';
  const dates = brief.articles.map((a) => a.published).filter(Boolean).sort();
  const nodes = [
    el('h1', {}, title),
    el('p', { class: 'meta' }, dateSpan(dates[0], dates[dates.length - 1])),
    coverage(brief, byOutlet),
  ];

  if (brief.summary.length) {
    const notes = figureNotes(brief);
    nodes.push(section('Summary', 'summary', el('ol', { class: 'summary' },
      brief.summary.map((s, n) => el('li', {}, s.text, ' ', chips(s.sources),
        (notes.get(n) || []).map(({ figure, index }) => el('a', { class: 'figure-note status-' + figure.status, href: '#figure-' + index },
          figure.about + ': ' + STATUS_WORDS[figure.status])))))));
  }
  if (brief.quotes.length) {
    nodes.push(section('Who said what', 'quotes', speakerBlocks(brief).map((b) =>
      el('div', { class: 'quote-group' },
        el('h3', {}, b.name || 'Unattributed', b.titles.length ? el('span', { class: 'muted' }, ', ' + b.titles.join(' · ')) : null),
        el('p', { class: 'muted' }, plural(b.quotes.length, 'statement'), ' · quoted by ', plural(new Set([...b.articles].map(label)).size, 'source')),
        b.quotes.map((q) => el('div', { class: 'statement' },
          el('div', { class: 'variants' }, q.variants.map((v) =>
            el('figure', { class: 'variant' }, el('blockquote', {}, '“' + v.text + '”'), el('figcaption', {}, chip(v.article))))),
          (q.attributions && q.attributions.length)
            ? el('p', { class: 'muted' }, 'Outlets differ on who said it: ' +
              q.attributions.map((a) => a.speaker + ' (' + a.articles.map(label).join(', ') + ')').join('; '))
            : null))))));
  }
  if (brief.figures.length) {
    const row = (f, i) => el('tr', { id: 'figure-' + i },
      el('td', {}, f.about),
      el('td', {}, el('span', { class: 'status status-' + f.status }, STATUS_WORDS[f.status] || f.status)),
      el('td', {}, f.mentions.map((m) => el('div', {}, m.text, ' ', chip(m.article)))));
    const table = (rows) => el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'What'), el('th', { scope: 'col' }, 'Outlets'), el('th', { scope: 'col' }, 'Reported'))),
      el('tbody', {}, rows)));
    const indexed = brief.figures.map((f, i) => [f, i]);
    const shared = indexed.filter(([f]) => f.status !== 'single');
    const single = indexed.filter(([f]) => f.status === 'single');
    nodes.push(section('Figures', 'figures',
      shared.length ? table(shared.map(([f, i]) => row(f, i))) : el('p', { class: 'muted' }, 'No figure is given by more than one outlet.'),
      single.length ? el('details', { class: 'more-items' }, el('summary', {}, plural(single.length, 'figure') + ' given by one outlet only'),
        table(single.map(([f, i]) => row(f, i)))) : null));
  }
  if (brief.exclusives.length) {
    nodes.push(section('Only one outlet reports', 'exclusives', folded('ul', { class: 'exclusives' },
      brief.exclusives.map((x) => el('li', {}, chip(x.article), ' ', x.text,
        (x.copies || []).length ? el('span', { class: 'copies' }, ' (also in its wire copies: ', chips(x.copies), ')') : null)), 5, 'details')));
  }
  if (brief.timeline.length) {
    nodes.push(section('Timeline', 'timeline', folded('ol', { class: 'timeline' },
      brief.timeline.map((t) => el('li', {},
        el('time', { datetime: t.date }, t.precision === 'day' ? absolute(t.date) : absolute(t.date) + ' (' + t.precision + ')'),
        t.when ? el('span', { class: 'muted' }, '“' + t.when + '” ') : null, t.text, ' ', chips(t.sources))), 10, 'dates')));
  }
  if (brief.entities.length) {
    const groups = KIND_WORDS.map(([kind, heading]) => [heading,
      brief.entities.filter((e) => (KIND_WORDS.some(([k]) => k === e.kind) ? e.kind : 'other') === kind)
        .slice().sort((a, b) => b.mentions - a.mentions || b.sources.length - a.sources.length)])
      .filter(([, list]) => list.length);
    nodes.push(section('People, organisations, places', 'entities', el('div', { class: 'entity-kinds' },
      groups.map(([heading, list]) => el('div', { class: 'entity-kind' }, el('h3', {}, heading),
        folded('ol', { class: 'entities' }, list.map((e) => el('li', {}, el('strong', {}, e.name),
          e.titles.length ? el('span', { class: 'muted' }, ', ' + e.titles[0]) : null, ' ',
          el('span', { class: 'muted' }, '· ' + plural(e.sources.length, 'source') + (e.aliases.length ? ' · also ' + e.aliases.join(', ') : '')))), 8, 'names'))))));
  }
  nodes.push(section('Articles', 'articles', el('ol', { class: 'articles' }, brief.articles.map((a) => {
    const url = safeUrl(a.url) || safeUrl(a.source);
    return el('li', { id: 'article-' + a.id },
      el('h3', {}, titleOf(a.title, 'Untitled article')),
      el('div', { class: 'meta' }, outletName(a), a.published ? [' · ', when(a.published)] : null,
        a.authors.length ? ' · ' + a.authors.join(', ') : null, a.wire && a.wire.length ? ' · wire: ' + a.wire.join(', ') : null),
      url ? el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Read at the source ↗') : null,
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

const PAGE_SIZE = 20;

function searchForm(params) {
  const field = (name, label, attrs) => el('label', {}, label, ' ',
    el('input', Object.assign({ name, value: params.get(name) || '' }, attrs)));
  return el('form', { class: 'filters', action: '/search', method: 'get', role: 'search', 'aria-label': 'Search filters' },
    el('input', { type: 'hidden', name: 'q', value: params.get('q') || '' }),
    field('outlet', 'Outlet', { type: 'text', list: 'outlets', autocomplete: 'off', placeholder: 'any' }),
    field('since', 'From', { type: 'date' }),
    field('until', 'To', { type: 'date' }),
    el('button', { type: 'submit' }, 'Filter'),
    (params.get('outlet') || params.get('since') || params.get('until'))
      ? el('a', { class: 'clear', href: '/search?' + new URLSearchParams({ q: params.get('q') || '' }) }, 'Clear filters') : null);
}

async function searchPage(params) {
  const q = params.get('q') || '';
  document.getElementById('q').value = q;
  document.title = (q ? q + ' · ' : '') + 'Search · Parallax';
  if (!q.trim()) {
    show(el('h1', {}, 'Search'), el('p', { class: 'muted' }, 'Type words to find articles; "quotes" for a phrase, word* for a prefix.'));
    return;
  }
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const query = new URLSearchParams({ q, limit: String(PAGE_SIZE), offset: String(offset) });
  for (const name of ['outlet', 'since', 'until']) if (params.get(name)) query.set(name, params.get(name));
  const result = await getJSON('/api/search?' + query);
  const items = result.hits.map((h) => {
    const href = h.story !== null && h.story !== undefined
      ? '/story/' + encodeURIComponent(h.story) + '#article-' + encodeURIComponent(h.article)
      : '/api/articles/' + encodeURIComponent(h.article);
    return el('li', {},
      el('a', { class: 'title', href }, titleOf(h.title, 'Untitled article')),
      el('div', { class: 'meta' }, h.outlet || 'Unnamed source', h.published ? [' · ', when(h.published)] : null),
      h.story_title && titleOf(h.story_title, null) ? el('div', { class: 'in-story' }, 'In the story ',
        el('a', { href: '/story/' + encodeURIComponent(h.story) }, h.story_title)) : null,
      el('p', { class: 'snippet' }, snippetNodes(h.snippet)));
  });
  const outlets = [...new Set(result.hits.map((h) => h.outlet).filter(Boolean))].sort();
  const total = result.total_exact ? result.total : result.total + '+';
  const pageUrl = (at) => {
    const next = new URLSearchParams(params);
    if (at > 0) next.set('offset', String(at)); else next.delete('offset');
    return '/search?' + next;
  };
  const pager = el('nav', { class: 'pager', 'aria-label': 'Pages of results' },
    offset > 0 ? el('a', { class: 'prev', rel: 'prev', href: pageUrl(Math.max(0, offset - PAGE_SIZE)) }, '← Previous') : null,
    result.hits.length ? el('span', { class: 'page-of muted' }, 'Page ' + (Math.floor(offset / PAGE_SIZE) + 1) + ' of ' +
      Math.max(1, Math.ceil(result.total / PAGE_SIZE)) + (result.total_exact ? '' : '+')) : null,
    result.next !== null && result.next !== undefined ? el('a', { class: 'next', rel: 'next', href: pageUrl(result.next) }, 'Next →') : null);
  show(el('h1', {}, 'Results for “' + q + '”'),
    searchForm(params),
    el('datalist', { id: 'outlets' }, outlets.map((o) => el('option', { value: o }))),
    el('p', { class: 'total muted', role: 'status' }, plural(result.total, 'article').replace(/^\d+/, total),
      result.hits.length ? ' · showing ' + (offset + 1) + '–' + (offset + result.hits.length) : ''),
    items.length ? el('ol', { class: 'hits', start: offset + 1 }, items) : el('p', { class: 'muted' }, 'Nothing found.'),
    pager);
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
