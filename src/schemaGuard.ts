// A valibot schema turned into a plain predicate that copies nothing: the fast path for the graph
// and patch messages (src/webviewProtocol.ts). valibot's own check (v.is) runs the parser, which
// builds an output object for every object and array it checks and a dataset for every value:
// on the 'graph' message of 50,000 protocols that is half a second and more before the first
// frame, 18 to 49 times the hand-written check it replaced (`npm run bench -- messages`). This walks the same
// schema once, when the module loads, into closures (no eval, no new Function: the webview's CSP
// forbids both), each checking exactly what valibot checks. It knows only the schema kinds and
// validations the messages use and throws on any other, so a schema can never be checked less
// than it says; test/unit/graphView/messages.test.ts checks it agrees with v.is on arbitrary input.
import type * as v from 'valibot';

type Guard = (value: unknown) => boolean;

/** The public fields of valibot's schema and action objects this reads. */
interface Node {
  kind: string;
  type: string;
  [field: string]: unknown;
}

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const unsupported = (node: Node): Error => new Error(`schemaGuard: no fast check for valibot's ${node.kind} "${node.type}"`);

/** The predicate v.is(schema, ·) is, without its copies. */
export function guardOf<S extends v.GenericSchema>(schema: S): (value: unknown) => value is v.InferOutput<S> {
  return compile(schema as unknown as Node) as (value: unknown) => value is v.InferOutput<S>;
}

const isOptional = (node: Node): boolean => node.type === 'optional';

// The commonest fields (a string, a flag, a coordinate) are checked in the loop over an object's
// keys or an array's items, not by a call: one closure body serves every object schema, so its
// calls go to many different checks and the engine cannot inline them (the graph's check took a
// third longer). Same answers as compile() gives for those schemas.
const CALL = 0;
const STRING = 1;
const OPTIONAL_STRING = 2;
const BOOLEAN = 3;
const FINITE = 4;

const isPlain = (node: Node | undefined, type: string): boolean => node?.type === type && node.pipe === undefined && node.default === undefined && node.fallback === undefined;

function inlineKindOf(node: Node): number {
  if (isPlain(node, 'string')) return STRING;
  if (isPlain(node, 'boolean')) return BOOLEAN;
  if (isPlain(node, 'optional') && isPlain(node.wrapped as Node, 'string')) return OPTIONAL_STRING;
  const pipe = node.pipe as Node[] | undefined;
  if (pipe?.length === 2 && isPlain(pipe[0], 'number') && pipe[1].kind === 'validation' && pipe[1].type === 'finite') return FINITE;
  return CALL;
}

function inlineCheck(kind: number, value: unknown): boolean {
  switch (kind) {
    case STRING:
      return typeof value === 'string';
    case OPTIONAL_STRING:
      return value === undefined || typeof value === 'string';
    case BOOLEAN:
      return typeof value === 'boolean';
    default:
      // Number.isFinite takes no string or NaN: typeof number, not NaN, finite in one.
      return Number.isFinite(value);
  }
}

function compile(node: Node): Guard {
  // Defaults and fallbacks change the value instead of checking it: not a check this can copy.
  if (node.default !== undefined || node.fallback !== undefined) throw unsupported(node);
  // A piped schema is its first item's object with the pipe added: the pipe first.
  if (Array.isArray(node.pipe)) return pipeGuard(node.pipe as Node[]);
  switch (node.type) {
    case 'string':
      return (value) => typeof value === 'string';
    case 'number':
      return (value) => typeof value === 'number' && !Number.isNaN(value);
    case 'boolean':
      return (value) => typeof value === 'boolean';
    case 'literal': {
      const literal = node.literal;
      if (typeof literal !== 'string' && typeof literal !== 'boolean') throw unsupported(node);
      return (value) => value === literal;
    }
    case 'picklist': {
      const options = node.options as readonly unknown[];
      return (value) => options.includes(value);
    }
    case 'optional': {
      const wrapped = compile(node.wrapped as Node);
      return (value) => value === undefined || wrapped(value);
    }
    case 'nullable': {
      const wrapped = compile(node.wrapped as Node);
      return (value) => value === null || wrapped(value);
    }
    case 'array': {
      const item = compile(node.item as Node);
      const kind = inlineKindOf(node.item as Node);
      // An index loop, not every(): a hole is an undefined item, as valibot reads it.
      if (kind !== CALL) {
        return (value) => {
          if (!Array.isArray(value)) return false;
          for (let i = 0; i < value.length; i++) if (!inlineCheck(kind, value[i])) return false;
          return true;
        };
      }
      return (value) => {
        if (!Array.isArray(value)) return false;
        for (let i = 0; i < value.length; i++) if (!item(value[i])) return false;
        return true;
      };
    }
    case 'object':
    case 'strict_object':
      return objectGuard(node);
    case 'variant':
      return variantGuard(node);
    default:
      throw unsupported(node);
  }
}

function objectGuard(node: Node): Guard {
  const entries = node.entries as Record<string, Node>;
  const keys = Object.keys(entries);
  const checks = keys.map((key) => {
    const check = compile(entries[key]);
    // valibot reads a key with `in`: an absent required key fails, an absent optional one passes.
    // Reading it plainly gives undefined for an absent key, which every check here refuses but an
    // optional one's: the same answer, one lookup fewer.
    if (!isOptional(entries[key]) && check(undefined)) throw unsupported(entries[key]);
    return check;
  });
  const kinds = keys.map((key) => inlineKindOf(entries[key]));
  const strict = node.type === 'strict_object';
  return (value) => {
    if (!isObject(value)) return false;
    for (let i = 0; i < keys.length; i++) {
      const field = value[keys[i]];
      const kind = kinds[i];
      if (kind === CALL ? !checks[i](field) : !inlineCheck(kind, field)) return false;
    }
    if (strict) for (const key in value) if (!hasOwn(entries, key)) return false;
    return true;
  };
}

/** One option per value of the discriminating key, each an object with that literal: a lookup. */
function variantGuard(node: Node): Guard {
  const key = node.key as string;
  const byValue = new Map<unknown, Guard>();
  for (const option of node.options as Node[]) {
    const discriminator = (option.entries as Record<string, Node> | undefined)?.[key];
    if (!discriminator || discriminator.type !== 'literal' || byValue.has(discriminator.literal)) throw unsupported(option);
    byValue.set(discriminator.literal, compile(option));
  }
  return (value) => {
    if (!isObject(value) || !(key in value)) return false;
    const option = byValue.get(value[key]);
    return option !== undefined && option(value);
  };
}

/** A schema then validations, in order: each runs only on a value the ones before it took. */
function pipeGuard(pipe: Node[]): Guard {
  const checks = pipe.filter((item) => item.kind !== 'metadata').map((item) => (item.kind === 'schema' ? compile(item) : actionGuard(item)));
  // Chained closures rather than a loop over them: a pipe is two or three checks, called per field.
  return checks.reduceRight((rest, check) => (value) => check(value) && rest(value));
}

function actionGuard(action: Node): Guard {
  if (action.kind !== 'validation') throw unsupported(action);
  const requirement = action.requirement as number & string;
  switch (action.type) {
    case 'min_length':
      return (value) => !((value as string).length < requirement);
    case 'max_length':
      return (value) => !((value as string).length > requirement);
    case 'starts_with':
      return (value) => (value as string).startsWith(requirement);
    case 'finite':
      return (value) => Number.isFinite(value);
    case 'safe_integer':
      return (value) => Number.isSafeInteger(value);
    case 'min_value':
      return (value) => (value as number) >= requirement;
    case 'max_value':
      return (value) => (value as number) <= requirement;
    case 'gt_value':
      return (value) => (value as number) > requirement;
    default:
      throw unsupported(action);
  }
}
