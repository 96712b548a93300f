// Two stylesheets need a change on their way into wwwroot/lib (run by the .csproj after npm ci):
// - KRDS's output.css pulls its tokens in with a relative @import that axe's stylesheet loader resolves against the
//   page instead of the stylesheet (a 404 on every page it checks): the layout links the tokens itself, and the copy
//   goes without the @import.
// - KRDS hides every checkbox and radio button of the page (it draws its own in `.krds-form-check`): the rule is
//   narrowed to those, so that the pages' Bootstrap checkboxes stay visible.
// - KRDS sets the root font size to 62.5 % (1rem = 10 px). Until the pages leave Bootstrap, its stylesheet is copied
//   with every rem length multiplied by 1.6, so that Bootstrap keeps the sizes it was designed with (1rem = 16 px).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

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

let krds = readFileSync('node_modules/krds-uiux/resources/css/component/output.css', 'utf8').replace(/\r\n/g, '\n');
krds = replaceOnce(krds, '@import "../../css/token/krds_tokens.css";', '');
krds = replaceOnce(krds, 'input[type=radio],\ninput[type=checkbox] {\n  position: absolute !important;',
    '.krds-form-check > input[type=radio],\n.krds-form-check > input[type=checkbox] {\n  position: absolute !important;');
write('wwwroot/lib/krds/css/component/output.css', krds.replace(/\/\*# sourceMappingURL=.*?\*\//g, ''));

write('wwwroot/lib/bootstrap/css/bootstrap.min.css',
    readFileSync('node_modules/bootstrap/dist/css/bootstrap.min.css', 'utf8')
        .replace(/\/\*# sourceMappingURL=.*?\*\//g, '')
        .replace(/(-?\d*\.?\d+)rem\b/g, (_, value) => `${+(parseFloat(value) * 1.6).toFixed(4)}rem`));
