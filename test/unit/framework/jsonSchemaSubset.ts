// Just enough of JSON Schema draft-07 to run schemas/framework.schema.json, so a test can hold the
// schema and parseFramework's validator to the same verdict on the same input. It refuses any
// keyword it does not implement, so the schema cannot quietly outgrow it.
type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', 'title', 'description', 'examples', 'definitions']);
const ASSERTIONS = new Set([
  'type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'minProperties',
  'pattern', 'minItems', 'uniqueItems', 'items', 'dependencies', 'allOf', 'if', 'then', '$ref',
]);

export function unsupportedKeywords(schema: unknown, at = '#'): string[] {
  if (typeof schema !== 'object' || schema === null) return [];
  const found: string[] = [];
  for (const [key, value] of Object.entries(schema)) {
    if (!ANNOTATIONS.has(key) && !ASSERTIONS.has(key)) found.push(`${at}/${key}`);
    if (key === 'properties' || key === 'definitions') {
      for (const [name, sub] of Object.entries(value as Schema)) found.push(...unsupportedKeywords(sub, `${at}/${key}/${name}`));
    } else if (key === 'allOf') {
      (value as unknown[]).forEach((sub, i) => found.push(...unsupportedKeywords(sub, `${at}/allOf/${i}`)));
    } else if (['items', 'if', 'then'].includes(key)) {
      found.push(...unsupportedKeywords(value, `${at}/${key}`));
    }
  }
  return found;
}

/** The JSON pointers of the instance that fail `schema`; empty when it is valid. */
export function schemaErrors(root: Schema, instance: unknown): string[] {
  const errors: string[] = [];
  check(root, root, instance, '', errors);
  return errors;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function check(root: Schema, schema: Schema, value: unknown, at: string, errors: string[]): void {
  const fail = (why: string): void => {
    errors.push(`${at || '/'}: ${why}`);
  };
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/definitions/', '');
    check(root, (root.definitions as Record<string, Schema>)[name], value, at, errors);
  }
  if (schema.type !== undefined) {
    const actual = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
    if (actual !== schema.type) return fail(`type ${String(schema.type)}`);
  }
  if (schema.enum !== undefined && !(schema.enum as unknown[]).includes(value)) fail('enum');
  if (schema.const !== undefined && schema.const !== value) fail('const');
  if (typeof value === 'string' && typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(value)) fail('pattern');
  if (Array.isArray(value)) {
    if (typeof schema.minItems === 'number' && value.length < schema.minItems) fail('minItems');
    if (schema.uniqueItems === true && new Set(value.map((item) => JSON.stringify(item))).size !== value.length) fail('uniqueItems');
    if (isObject(schema.items)) value.forEach((item, i) => check(root, schema.items as Schema, item, `${at}/${i}`, errors));
  }
  if (isObject(value)) {
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    const keys = Object.keys(value);
    if (typeof schema.minProperties === 'number' && keys.length < schema.minProperties) fail('minProperties');
    for (const name of (schema.required ?? []) as string[]) if (!(name in value)) fail(`required ${name}`);
    for (const key of keys) {
      if (Object.prototype.hasOwnProperty.call(properties, key)) check(root, properties[key], value[key], `${at}/${key}`, errors);
      else if (schema.additionalProperties === false) fail(`additional ${key}`);
    }
    for (const [key, needs] of Object.entries((schema.dependencies ?? {}) as Record<string, string[]>)) {
      if (key in value) for (const name of needs) if (!(name in value)) fail(`dependency ${key} needs ${name}`);
    }
  }
  for (const sub of (schema.allOf ?? []) as Schema[]) check(root, sub, value, at, errors);
  if (isObject(schema.if) && isObject(schema.then)) {
    const ifErrors: string[] = [];
    check(root, schema.if, value, at, ifErrors);
    if (ifErrors.length === 0) check(root, schema.then, value, at, errors);
  }
}
