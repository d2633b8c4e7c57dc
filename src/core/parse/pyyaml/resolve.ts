/**
 * PyYAML's implicit resolvers (`resolver.py`), as FullLoader registers them: YAML 1.1, so `yes`,
 * `on` and `Off` are booleans, `1:30` is a base-60 integer, `2024-01-01` a date, `0755` octal.
 * Each is tried in registration order among those registered for the scalar's first character.
 */

const TAG = 'tag:yaml.org,2002:';

const BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const MERGE = /^(?:<<)$/;
const NULL = /^(?:~|null|Null|NULL|)$/;
const TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const VALUE = /^(?:=)$/;
const YAML = /^(?:!|&|\*)$/;

type Resolver = [tag: string, pattern: RegExp];

const BY_FIRST = new Map<string, Resolver[]>();
function add(tag: string, pattern: RegExp, first: readonly string[]): void {
  for (const char of first) {
    const list = BY_FIRST.get(char) ?? [];
    list.push([`${TAG}${tag}`, pattern]);
    BY_FIRST.set(char, list);
  }
}
add('bool', BOOL, [...'yYnNtTfFoO']);
add('float', FLOAT, [...'-+0123456789.']);
add('int', INT, [...'-+0123456789']);
add('merge', MERGE, ['<']);
add('null', NULL, ['~', 'n', 'N', '']);
add('timestamp', TIMESTAMP, [...'0123456789']);
add('value', VALUE, ['=']);
add('yaml', YAML, [...'!&*']);

/** Whether any implicit resolver is registered for the scalar's first character (else it is a string). */
export function mayResolve(value: string): boolean {
  return value === '' || BY_FIRST.has(value[0] as string);
}

/** The tag PyYAML gives a scalar written without one (or with `!`). */
export function resolveScalarTag(value: string, implicit: readonly [boolean, boolean]): string {
  if (implicit[0]) {
    // An astral first character is a surrogate here: no resolver is registered for either.
    const first = value === '' ? '' : (value[0] as string);
    const resolvers = BY_FIRST.get(first);
    if (resolvers) for (const [tag, pattern] of resolvers) if (pattern.test(value)) return tag;
  }
  return `${TAG}str`;
}
