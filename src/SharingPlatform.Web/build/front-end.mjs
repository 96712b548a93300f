// KRDS's and Bootstrap's files change on their way into wwwroot/lib (run by the .csproj after npm ci, on every build):
// - KRDS's output.css pulls its tokens in with a relative @import that axe's stylesheet loader resolves against the
//   page instead of the stylesheet (a 404 on every page it checks): the layout links the tokens itself, and the copy
//   goes without the @import.
// - KRDS hides every checkbox and radio button of the page (it draws its own in `.krds-form-check`): the rule is
//   narrowed to those, so that the pages' Bootstrap checkboxes stay visible.
// - KRDS sets the root font size to 62.5 % (1rem = 10 px). Until the pages leave Bootstrap, its stylesheet is copied
//   with every rem length multiplied by 1.6, so that Bootstrap keeps the sizes it was designed with (1rem = 16 px).
// - Pretendard GOV, KRDS's font, Regular and Bold, woff2 only: one file per weight holds the characters of the site's
//   own words, cut from the whole font here with subset-font (harfbuzz); the pretendard-gov package's 120 pieces per
//   weight, by unicode-range, hold the rest, so that somebody's content loads only the pieces of its characters.
//   A page then needs two files instead of about twenty (the 260 KB of a whole weight took a phone's first visit
//   seconds). The site's file is made again only when its characters change; its name carries their hash, so that no
//   browser keeps an old one. When the pages use it: Pages/SiteFont.cs.
// - KRDS's script keeps the three components the pages use (96 KB become 25 KB).
// - KRDS's and Bootstrap's stylesheets lose every selector that names a class found nowhere in the pages, page models,
//   texts, our scripts or the kept KRDS script (800 KB of rules become about 230 KB), and KRDS's tokens every custom
//   property that nothing reads (768 become about 350): a phone spent most of its first second matching rules that
//   cannot match, and parsing them delays its first input. A class is found by its whole name, so never put one
//   together at run time from pieces ('krds-' + kind); the site's own site.css is left whole.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import subsetFont from 'subset-font';

function replaceOnce(text, from, to) {
    if (!text.includes(from)) {
        throw new Error(`front-end: "${from}" not found; has the package changed?`);
    }
    return text.replace(from, to);
}

function write(destination, text) {
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, text);
}

function filesUnder(folder, pattern) {
    return readdirSync(folder).flatMap(name => {
        const path = join(folder, name);
        if (statSync(path).isDirectory()) {
            return ['bin', 'obj', 'node_modules', 'lib'].includes(name) ? [] : filesUnder(path, pattern);
        }
        return pattern.test(name) ? [path] : [];
    });
}

function closingBrace(css, open) {
    let depth = 0;
    for (let i = open; i < css.length; i++) {
        if (css[i] === '{') {
            depth++;
        } else if (css[i] === '}' && --depth === 0) {
            return i;
        }
    }
    throw new Error('front-end: unbalanced braces');
}

function splitSelectors(prelude) {
    const parts = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < prelude.length; i++) {
        const c = prelude[i];
        if (c === '(' || c === '[') {
            depth++;
        } else if (c === ')' || c === ']') {
            depth--;
        } else if (c === ',' && depth === 0) {
            parts.push(prelude.slice(start, i));
            start = i + 1;
        }
    }
    parts.push(prelude.slice(start));
    return parts.map(part => part.trim());
}

// Classes inside :not(), :is() or an attribute selector do not decide whether the selector can match.
function canMatch(selector, usedWords) {
    return [...selector.replace(/\([^()]*\)|\[[^\]]*\]/g, '').matchAll(/\.([A-Za-z0-9_-]+)/g)]
        .every(([, name]) => usedWords.has(name));
}

function withoutUnusedRules(css, usedWords) {
    let kept = '';
    let at = 0;
    for (let open = css.indexOf('{'); open >= 0; open = css.indexOf('{', at)) {
        const close = closingBrace(css, open);
        const prelude = css.slice(at, open).trim();
        const body = css.slice(open + 1, close);
        if (/^@(media|supports|layer)/.test(prelude)) {
            const inner = withoutUnusedRules(body, usedWords);
            if (inner.trim()) {
                kept += `${prelude}{${inner}}\n`;
            }
        } else if (prelude.startsWith('@')) {
            kept += `${prelude}{${body}}\n`;
        } else {
            const selectors = splitSelectors(prelude).filter(selector => canMatch(selector, usedWords));
            if (selectors.length) {
                kept += `${selectors.join(',')}{${body}}\n`;
            }
        }
        at = close + 1;
    }
    return kept + css.slice(at);
}

function purged(css) {
    const licences = (css.match(/\/\*![\s\S]*?\*\//g) ?? []).join('\n');
    const text = css.replace(/\/\*[\s\S]*?\*\//g, '').trim();
    const charset = text.match(/^@charset[^;]*;/)?.[0] ?? '';
    return `${charset}${licences}\n${withoutUnusedRules(text.slice(charset.length), usedWords)}`;
}

// KRDS's script sets up all of its 18 components on every page, and on every scroll looks for several of them again;
// the pages use three: the main menu, the phone's menu and the side navigation. The copy keeps those three, the two
// helpers they call, and what the page's events ask of them. The package's script is a run of parts, each opened by a
// comment line after a blank line and named by the first `const` or `window.` it sets.
const krdsScriptParts = ['use strict', 'windowSize', 'common', 'krds_mainMenuPC', 'krds_mainMenuMobile', 'krds_sideNavigation'];
const krdsScript = readFileSync('node_modules/krds-uiux/resources/js/component/ui-script.js', 'utf8').replace(/\r\n/g, '\n');
const scriptParts = krdsScript.split('\n').reduce((parts, line, i, lines) => {
    if (i === 0 || (/^(\/\/|\/\*\*\*) /.test(line) && lines[i - 1].trim() === '')) {
        parts.push([]);
    }
    parts.at(-1).push(line);
    return parts;
}, []).map(lines => lines.join('\n'));
const partName = part => part.match(/^const (\w+) = /m)?.[1] ?? part.match(/^window\.(?:addEventListener\("(\w+)"|(\w+) =)/m)?.slice(1).find(Boolean)
    ?? part.match(/^"(use strict)";/m)?.[1];
const keptParts = scriptParts.filter(part => krdsScriptParts.includes(partName(part)));
if (keptParts.length !== krdsScriptParts.length || !scriptParts.some(part => partName(part) === 'DOMContentLoaded')) {
    throw new Error('front-end: KRDS\'s ui-script.js is not laid out as expected; has the package changed?');
}
const uiScript = `${keptParts.join('\n').trimEnd()}

// The three components' part of KRDS's page events (this copy is cut by build/front-end.mjs).
window.addEventListener("DOMContentLoaded", () => {
  windowSize.setWinSize();
  krds_mainMenuPC.init();
  krds_mainMenuMobile.init();
  krds_sideNavigation.init();
});

window.addEventListener("scroll", () => {
  krds_mainMenuPC.closeMainMenu();
});

window.addEventListener("resize", () => {
  windowSize.setWinSize();
});
`;
write('wwwroot/lib/krds/js/ui-script.js', uiScript);

const usedWords = new Set([
    ...[...filesUnder('.', /\.(cshtml|cs|resx)$/), ...filesUnder('wwwroot/js', /\.js$/)].map(file => readFileSync(file, 'utf8')),
    uiScript,
].flatMap(text => text.match(/[A-Za-z0-9_-]+/g) ?? []));

let krds = readFileSync('node_modules/krds-uiux/resources/css/component/output.css', 'utf8').replace(/\r\n/g, '\n');
krds = replaceOnce(krds, '@import "../../css/token/krds_tokens.css";', '');
krds = replaceOnce(krds, 'input[type=radio],\ninput[type=checkbox] {\n  position: absolute !important;',
    '.krds-form-check > input[type=radio],\n.krds-form-check > input[type=checkbox] {\n  position: absolute !important;');
const krdsRules = purged(krds);
write('wwwroot/lib/krds/css/component/output.css', krdsRules);

const bootstrapRules = purged(readFileSync('node_modules/bootstrap/dist/css/bootstrap.min.css', 'utf8')
    .replace(/(-?\d*\.?\d+)rem\b/g, (_, value) => `${+(parseFloat(value) * 1.6).toFixed(4)}rem`));
write('wwwroot/lib/bootstrap/css/bootstrap.min.css', bootstrapRules);

// KRDS's tokens are 768 custom properties on :root, which every element of a page inherits. The copy keeps those that
// the kept rules, the site's stylesheet, the pages or the scripts read, directly or through another token.
const tokens = readFileSync('node_modules/krds-uiux/resources/css/token/krds_tokens.css', 'utf8').replace(/\r\n/g, '\n');
const tokenDeclaration = /^\s*(--[\w-]+):([^;]*);\n/gm;
const tokenValues = new Map([...tokens.matchAll(tokenDeclaration)].map(([, name, value]) => [name, value]));
const readTokens = new Set();
const tokensReadBy = text => [...text.matchAll(/var\((--[\w-]+)/g)].map(([, name]) => name);
const pendingTokens = tokensReadBy([krdsRules, bootstrapRules, uiScript,
    ...[...filesUnder('.', /\.(cshtml|css)$/), ...filesUnder('wwwroot/js', /\.js$/)].map(file => readFileSync(file, 'utf8'))].join('\n'));
while (pendingTokens.length) {
    const name = pendingTokens.pop();
    if (!readTokens.has(name)) {
        readTokens.add(name);
        pendingTokens.push(...tokensReadBy(tokenValues.get(name) ?? ''));
    }
}
if (tokenValues.size < 500 || readTokens.size < 50) {
    throw new Error('front-end: KRDS\'s tokens are not as expected; has the package changed?');
}
write('wwwroot/lib/krds/css/token/krds_tokens.css', tokens.replace(tokenDeclaration, (line, name) => readTokens.has(name) ? line : ''));

const pretendard = 'node_modules/pretendard-gov/dist';
const fontFolder = 'wwwroot/lib/pretendard-gov/woff2';
const fontPieces = new RegExp('^PretendardGOV-(Regular|Bold)\\.subset\\.\\d+\\.woff2$');
mkdirSync(fontFolder, { recursive: true });
for (const file of readdirSync(`${pretendard}/web/static/woff2-dynamic-subset`).filter(name => fontPieces.test(name))) {
    copyFileSync(`${pretendard}/web/static/woff2-dynamic-subset/${file}`, `${fontFolder}/${file}`);
}

// The site's own words (every text file, the municipalities, the names of days and half-days that dates are written
// with) and the Latin letters, digits and punctuation are one file per weight, cut from the whole font here: a page
// then needs that one file, and a piece only for a character of somebody's content that the site never writes.
const siteCharacters = [...new Set([
    ...Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCodePoint(0x20 + i)),
    ...Array.from({ length: 0x100 - 0xa0 }, (_, i) => String.fromCodePoint(0xa0 + i)),
    ...'\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2192\u20a9\u2605\u2606',
    ...'\uc77c\uc6d4\ud654\uc218\ubaa9\uae08\ud1a0\uc694\ub144\uc624\uc804\ud6c4',
    ...[...filesUnder('..', /\.resx$/), '../SharingPlatform.Domain/Municipalities/Municipality.cs'].flatMap(file => [...readFileSync(file, 'utf8')].filter(c => c.codePointAt(0) >= 0xac00 && c.codePointAt(0) <= 0xd7a3)),
])].sort((a, b) => a.codePointAt(0) - b.codePointAt(0)).join('');
const siteCodePoints = new Set([...siteCharacters].map(c => c.codePointAt(0)));
const siteFontKey = createHash('sha256').update(`${pretendardVersion()}\n${siteCharacters}`).digest('hex').slice(0, 12);
const siteFont = weight => `PretendardGOV-${weight}.site.${siteFontKey}.woff2`;
for (const weight of ['Regular', 'Bold']) {
    if (!existsSync(`${fontFolder}/${siteFont(weight)}`)) {
        for (const old of readdirSync(fontFolder).filter(name => name.startsWith(`PretendardGOV-${weight}.site.`))) {
            rmSync(`${fontFolder}/${old}`);
        }
        const whole = readFileSync(`${pretendard}/public/static/PretendardGOV-${weight}.otf`);
        writeFileSync(`${fontFolder}/${siteFont(weight)}`, await subsetFont(whole, siteCharacters, { targetFormat: 'woff2' }));
    }
}

function pretendardVersion() {
    return JSON.parse(readFileSync('node_modules/pretendard-gov/package.json', 'utf8')).version;
}

function parseRanges(text) {
    return text.split(',').map(range => range.trim().replace(/^U\+/i, '').split('-').map(hex => parseInt(hex, 16)))
        .map(([from, to]) => [from, to ?? from]);
}

function formatRanges(ranges) {
    return ranges.map(([from, to]) => from === to ? `U+${from.toString(16)}` : `U+${from.toString(16)}-${to.toString(16)}`).join(', ');
}

function withoutSiteCharacters(ranges) {
    return rangesOf(ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => from + i))
        .filter(c => !siteCodePoints.has(c)));
}

// Every piece loses the characters of the site's file, so that no two faces claim a character and a browser never
// fetches a piece for what the site's file already draws. A piece left with nothing is dropped.
const pieceRules = weight => readFileSync(`${pretendard}/web/static/PretendardGOV-${weight}.css`, 'utf8')
    .match(/@font-face\s*\{[^}]*\}/g)
    .map(rule => rule.replace(/url\(\.\/woff2-dynamic-subset\/([^)]+)\) format\('woff2'\), url\([^)]+\) format\('woff'\)/,
        "url(woff2/$1) format('woff2')"))
    .map(rule => rule.replace(/unicode-range:\s*([^;]+);/, (_, ranges) => `unicode-range: ${formatRanges(withoutSiteCharacters(parseRanges(ranges)))};`))
    .filter(rule => !/unicode-range: ;/.test(rule));
const [regular, bold] = ['Regular', 'Bold'].map(pieceRules);
if (regular.length !== bold.length || regular.length < 100 || [...regular, ...bold].some(rule => !rule.includes('url(woff2/'))) {
    throw new Error('front-end: the pretendard-gov pieces are not as expected; has the package changed?');
}
function rangesOf(codePoints) {
    const ranges = [];
    for (const c of [...codePoints].sort((a, b) => a - b)) {
        const last = ranges.at(-1);
        if (last && last[1] === c - 1) {
            last[1] = c;
        } else {
            ranges.push([c, c]);
        }
    }
    return ranges;
}

const siteRule = (weight, number) => `@font-face {
\tfont-family: 'Pretendard GOV';
\tfont-style: normal;
\tfont-display: swap;
\tfont-weight: ${number};
\tsrc: url(woff2/${siteFont(weight)}) format('woff2');
\tunicode-range: ${formatRanges(rangesOf(siteCodePoints))};
}`;
// The two weights' rules for the same piece stand side by side: they differ only in weight and file, so that the
// stylesheet compresses to half of what it does with one weight after the other.
write('wwwroot/lib/pretendard-gov/pretendard-gov.css',
    [siteRule('Regular', 400), siteRule('Bold', 700), ...regular.flatMap((rule, i) => [rule, bold[i]])].join('\n'));
