// The SBOMs against CycloneDX's own published JSON schemas (shipped in the
// npm package @cyclonedx/cyclonedx-library, validated with its ajv-based
// validator): what JSP Planner writes, and the CycloneDX fixtures the
// readers and the browser tests import. No browser needed.
//
// The written SBOM is tests/fixtures/sbom/written-by-jsp-planner.cdx.json; the
// native test `the_written_sbom_fixture_is_what_the_writer_writes`
// (tests/plan/sbom.rs) fails when it is not what the writer writes today, so
// this validates the writer's output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sbom');
const read = (name) => JSON.parse(readFileSync(path.join(fixtures, name), 'utf8'));

/** The schema's complaints about `bom`, or null when it is valid. */
async function problems(bom, version) {
  return new Validation.JsonValidator(version).validate(JSON.stringify(bom));
}

test('the CycloneDX 1.6 SBOM JSP Planner writes is valid against the published 1.6 schema', async () => {
  const bom = read('written-by-jsp-planner.cdx.json');
  assert.equal(bom.specVersion, '1.6');
  assert.ok(bom.components.length >= 8, 'the register is written');
  assert.equal(await problems(bom, Spec.Version.v1dot6), null);
});

test('the schema check can fail: a component without a name, a bad serial number', async () => {
  const bom = read('written-by-jsp-planner.cdx.json');
  delete bom.components[0].name;
  assert.notEqual(await problems(bom, Spec.Version.v1dot6), null);
  const other = read('written-by-jsp-planner.cdx.json');
  other.serialNumber = 'urn:uuid:not-a-uuid';
  assert.notEqual(await problems(other, Spec.Version.v1dot6), null);
});

test('the CycloneDX fixtures are in their spec version’s shape', async () => {
  for (const [name, version] of [
    ['infusion-pump-2.1.cdx.json', Spec.Version.v1dot6],
    ['infusion-pump-2.2.cdx.json', Spec.Version.v1dot6],
  ]) {
    assert.equal(await problems(read(name), version), null, name);
  }
  // The 1.4 fixture holds what readers must survive (a version written as a
  // number, a component without a name): the schema refuses exactly those.
  const older = read('glucose-monitor-1.4.cdx.json');
  assert.notEqual(await problems(older, Spec.Version.v1dot4), null);
  older.components[1].version = '6.11';
  older.components.splice(2, 1);
  assert.equal(await problems(older, Spec.Version.v1dot4), null);
});
