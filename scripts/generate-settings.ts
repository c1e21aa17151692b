// Writes the settings contributed in package.json and schemas/rapport.schema.json
// from the rule registry and server/src/config-schema.ts. Re-run after adding a
// rule: npm run generate:settings (--check only reports whether they are current).

import * as fs from 'node:fs';
import * as path from 'node:path';
import { SCHEMA_PATH, jsonValidation, rapportJsonSchema, vscodeConfiguration } from '../server/src/config-schema';

const root = path.resolve(__dirname, '..');

export function generatedFiles(): Array<{ file: string; text: string }> {
  const packageFile = path.join(root, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(packageFile, 'utf8'));
  pkg.contributes = { ...pkg.contributes, configuration: vscodeConfiguration(), jsonValidation: jsonValidation() };
  return [
    { file: packageFile, text: `${JSON.stringify(pkg, null, 2)}\n` },
    { file: path.join(root, SCHEMA_PATH), text: `${JSON.stringify(rapportJsonSchema(), null, 2)}\n` },
  ];
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const { file, text } of generatedFiles()) {
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current === text) continue;
    stale++;
    if (check) console.error(`${path.relative(root, file)} is out of date: run npm run generate:settings`);
    else {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      console.log(`wrote ${path.relative(root, file)}`);
    }
  }
  if (check && stale) process.exitCode = 1;
}
