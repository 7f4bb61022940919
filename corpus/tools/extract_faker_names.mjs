// Extracts given names, surnames and surname prefixes from the locale data of
// the npm package @faker-js/faker (MIT licence), so that the name lexicons in
// rules/data/lexicons can be rebuilt and checked. Usage:
//   mkdir /tmp/faker && cd /tmp/faker && npm pack @faker-js/faker && tar xzf faker-js-faker-*.tgz
//   node corpus/tools/extract_faker_names.mjs /tmp/faker/package OUT_DIR
// Writes OUT_DIR/faker_<locale>_{first,last,prefix}.txt (one name a line, as
// the package spells them); corpus/tools/build_name_lexicons.py merges them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [pkg, out] = process.argv.slice(2);
if (!pkg || !out) {
  console.error('usage: extract_faker_names.mjs FAKER_PACKAGE_DIR OUT_DIR');
  process.exit(2);
}
// Locales whose names are common in Dutch organisations.
const locales = ['nl', 'nl_BE', 'tr', 'pl', 'id_ID', 'de', 'fr', 'en', 'es', 'pt_PT', 'it'];
const faker = await import(pathToFileURL(join(pkg, 'dist', 'index.js')).href);

function flatten(v) {
  if (!v) return [];
  if (Array.isArray(v)) return v.flatMap(flatten);
  if (typeof v === 'object') return Object.values(v).flatMap(flatten);
  return [String(v)];
}

for (const loc of locales) {
  const def = faker[loc];  // each locale's raw definitions are exported by name
  const person = def && def.person;
  if (!person) {
    console.error(`no person data for ${loc}`);
    continue;
  }
  const lists = {
    first: flatten(person.first_name),
    last: flatten(person.last_name),
    prefix: flatten(person.last_name_prefix || []),
  };
  for (const [kind, names] of Object.entries(lists)) {
    const uniq = [...new Set(names.map((s) => s.trim()).filter((s) => s))].sort();
    writeFileSync(join(out, `faker_${loc}_${kind}.txt`), uniq.join('\n') + '\n');
    console.log(`${loc} ${kind}: ${uniq.length}`);
  }
}
