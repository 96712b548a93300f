// Two stylesheets need a change on their way into wwwroot/lib (run by the .csproj after npm ci):
// - KRDS's output.css pulls its tokens in with a relative @import that axe's stylesheet loader resolves against the
//   page instead of the stylesheet (a 404 on every page it checks): the layout links the tokens itself, and the copy
//   goes without the @import.
// - KRDS sets the root font size to 62.5 % (1rem = 10 px). Until the pages leave Bootstrap, its stylesheet is copied
//   with every rem length multiplied by 1.6, so that Bootstrap keeps the sizes it was designed with (1rem = 16 px).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function write(destination, text) {
    mkdirSync(dirname(destination), { recursive: true });
    writeFileSync(destination, text);
}

write('wwwroot/lib/krds/css/component/output.css',
    readFileSync('node_modules/krds-uiux/resources/css/component/output.css', 'utf8')
        .replace(/@import "[^"]*krds_tokens\.css";\r?\n?/, "")
        .replace(/\/\*# sourceMappingURL=.*?\*\//g, ''));

write('wwwroot/lib/bootstrap/css/bootstrap.min.css',
    readFileSync('node_modules/bootstrap/dist/css/bootstrap.min.css', 'utf8')
        .replace(/\/\*# sourceMappingURL=.*?\*\//g, '')
        .replace(/(-?\d*\.?\d+)rem\b/g, (_, value) => `${+(parseFloat(value) * 1.6).toFixed(4)}rem`));
