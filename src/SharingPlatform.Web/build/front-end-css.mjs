// The stylesheets change on their way into wwwroot/lib (run by the .csproj after npm ci, on every build):
// - KRDS's output.css pulls its tokens in with a relative @import that axe's stylesheet loader resolves against the
//   page instead of the stylesheet (a 404 on every page it checks): the layout links the tokens itself, and the copy
//   goes without the @import.
// - KRDS hides every checkbox and radio button of the page (it draws its own in `.krds-form-check`): the rule is
//   narrowed to those, so that the pages' Bootstrap checkboxes stay visible.
// - KRDS sets the root font size to 62.5 % (1rem = 10 px). Until the pages leave Bootstrap, its stylesheet is copied
//   with every rem length multiplied by 1.6, so that Bootstrap keeps the sizes it was designed with (1rem = 16 px).
// - Pretendard GOV, KRDS's font, comes from the pretendard-gov package cut into about 120 pieces per weight by
//   unicode-range, so that a page loads only the pieces of the characters it shows (tens of KB instead of the 260 KB of
//   a whole weight, which took a phone's first visit seconds). Regular and Bold only, woff2 only.
// - KRDS's and Bootstrap's stylesheets lose every selector that names a class found nowhere in the pages, page models,
//   texts, our scripts or KRDS's script (800 KB of rules become about 320 KB): a phone spent most of its first second
//   matching rules that cannot match. A class is found by its whole name, so never put one together at run time from
//   pieces ('krds-' + kind); the site's own site.css is left whole.
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

function replaceOnce(text, from, to) {
    if (!text.includes(from)) {
        throw new Error(`front-end-css: "${from}" not found; has the package changed?`);
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
    throw new Error('front-end-css: unbalanced braces');
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

const usedWords = new Set([
    ...filesUnder('.', /\.(cshtml|cs|resx)$/),
    ...filesUnder('wwwroot/js', /\.js$/),
    'node_modules/krds-uiux/resources/js/component/ui-script.js',
].flatMap(file => readFileSync(file, 'utf8').match(/[A-Za-z0-9_-]+/g) ?? []));

let krds = readFileSync('node_modules/krds-uiux/resources/css/component/output.css', 'utf8').replace(/\r\n/g, '\n');
krds = replaceOnce(krds, '@import "../../css/token/krds_tokens.css";', '');
krds = replaceOnce(krds, 'input[type=radio],\ninput[type=checkbox] {\n  position: absolute !important;',
    '.krds-form-check > input[type=radio],\n.krds-form-check > input[type=checkbox] {\n  position: absolute !important;');
write('wwwroot/lib/krds/css/component/output.css', purged(krds));

write('wwwroot/lib/bootstrap/css/bootstrap.min.css', purged(
    readFileSync('node_modules/bootstrap/dist/css/bootstrap.min.css', 'utf8')
        .replace(/(-?\d*\.?\d+)rem\b/g, (_, value) => `${+(parseFloat(value) * 1.6).toFixed(4)}rem`)));

const pretendard = 'node_modules/pretendard-gov/dist/web/static';
const fontPieces = new RegExp('^PretendardGOV-(Regular|Bold)\\.subset\\.\\d+\\.woff2$');
mkdirSync('wwwroot/lib/pretendard-gov/woff2', { recursive: true });
for (const file of readdirSync(`${pretendard}/woff2-dynamic-subset`).filter(name => fontPieces.test(name))) {
    copyFileSync(`${pretendard}/woff2-dynamic-subset/${file}`, `wwwroot/lib/pretendard-gov/woff2/${file}`);
}
// The two weights' rules for the same piece stand side by side: they differ only in weight and file, so that the
// stylesheet (172 KB, mostly unicode ranges) compresses to half of what it does with one weight after the other.
const [regular, bold] = ['Regular', 'Bold'].map(weight => readFileSync(`${pretendard}/PretendardGOV-${weight}.css`, 'utf8')
    .match(/@font-face\s*\{[^}]*\}/g)
    .map(rule => rule.replace(/url\(\.\/woff2-dynamic-subset\/([^)]+)\) format\('woff2'\), url\([^)]+\) format\('woff'\)/,
        "url(woff2/$1) format('woff2')")));
if (regular.length !== bold.length || regular.length < 100 || [...regular, ...bold].some(rule => !rule.includes('url(woff2/'))) {
    throw new Error('front-end-css: the pretendard-gov pieces are not as expected; has the package changed?');
}
write('wwwroot/lib/pretendard-gov/pretendard-gov.css', regular.flatMap((rule, i) => [rule, bold[i]]).join('\n'));
