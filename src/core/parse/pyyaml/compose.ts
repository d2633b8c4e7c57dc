import { Parser } from './parser.js';
import { type Mark, PyYamlError, pythonRepr } from './pyyaml-error.js';
import { resolveScalarTag } from './resolve.js';

/** PyYAML's Composer (`composer.py`): events into a node graph, anchors and aliases resolved. */

export type YamlNode =
  | { kind: 'scalar'; tag: string; value: string; start: Mark; end: Mark }
  | { kind: 'sequence'; tag: string; value: YamlNode[]; start: Mark; end: Mark }
  | { kind: 'mapping'; tag: string; value: Array<[YamlNode, YamlNode]>; start: Mark; end: Mark };

const SEQUENCE_TAG = 'tag:yaml.org,2002:seq';
/**
 * PyYAML composes nested nodes by recursion, so Python's recursion limit (1,000 frames) ends a
 * document nested about 490 levels deep with a RecursionError, which fails the hub's check. The
 * exact level depends on the shape (490 to 494 for the shapes measured): this is an approximation,
 * far beyond the 8 levels mshub-review accepts at all.
 */
const MAX_DEPTH = 492;
const MAPPING_TAG = 'tag:yaml.org,2002:map';

/** Where the document first uses an anchor (`&x`) or an alias (`*x`), for a caller that refuses them. */
export interface CompositionNotes {
  firstAnchorOrAlias?: Mark;
}

/** `yaml.load`'s single document: undefined for a stream with none (PyYAML's None). */
export function composeSingleDocument(text: string, notes: CompositionNotes = {}): YamlNode | undefined {
  const parser = new Parser(text);
  let anchors = new Map<string, YamlNode>();

  let depth = 0;
  const composeNode = (): YamlNode => {
    depth++;
    try {
      return composeAt();
    } finally {
      depth--;
    }
  };

  const composeAt = (): YamlNode => {
    if (depth > MAX_DEPTH)
      throw new PyYamlError(
        'composer',
        undefined,
        undefined,
        'maximum recursion depth exceeded',
        parser.peekEvent().start,
        'RecursionError',
      );
    if (parser.checkEvent('alias')) {
      const event = parser.getEvent() as Extract<ReturnType<Parser['getEvent']>, { kind: 'alias' }>;
      notes.firstAnchorOrAlias ??= event.start;
      const node = anchors.get(event.anchor);
      if (!node)
        throw new PyYamlError(
          'composer',
          undefined,
          undefined,
          `found undefined alias ${pythonRepr(event.anchor)}`,
          event.start,
        );
      return node;
    }
    const event = parser.peekEvent();
    const anchor = 'anchor' in event ? event.anchor : null;
    if (anchor !== null) {
      notes.firstAnchorOrAlias ??= event.start;
      const first = anchors.get(anchor);
      if (first)
        throw new PyYamlError(
          'composer',
          `found duplicate anchor ${pythonRepr(anchor)}; first occurrence`,
          first.start,
          'second occurrence',
          event.start,
        );
    }
    if (event.kind === 'scalar') {
      parser.getEvent();
      const tag =
        event.tag === null || event.tag === '!' ? resolveScalarTag(event.value, event.implicit) : event.tag;
      const node: YamlNode = { kind: 'scalar', tag, value: event.value, start: event.start, end: event.end };
      if (anchor !== null) anchors.set(anchor, node);
      return node;
    }
    if (event.kind === 'sequence-start') {
      parser.getEvent();
      const tag = event.tag === null || event.tag === '!' ? SEQUENCE_TAG : event.tag;
      const node: YamlNode = { kind: 'sequence', tag, value: [], start: event.start, end: event.start };
      if (anchor !== null) anchors.set(anchor, node);
      while (!parser.checkEvent('sequence-end')) node.value.push(composeNode());
      node.end = parser.getEvent().end;
      return node;
    }
    // mapping-start: the parser yields nothing else here
    parser.getEvent();
    const tag = 'tag' in event && event.tag !== null && event.tag !== '!' ? event.tag : MAPPING_TAG;
    const node: YamlNode = { kind: 'mapping', tag, value: [], start: event.start, end: event.start };
    if (anchor !== null) anchors.set(anchor, node);
    while (!parser.checkEvent('mapping-end')) {
      const key = composeNode();
      const value = composeNode();
      node.value.push([key, value]);
    }
    node.end = parser.getEvent().end;
    return node;
  };

  parser.getEvent(); // stream start
  let document: YamlNode | undefined;
  if (!parser.checkEvent('stream-end')) {
    parser.getEvent(); // document start
    document = composeNode();
    parser.getEvent(); // document end
    anchors = new Map();
  }
  if (!parser.checkEvent('stream-end')) {
    const event = parser.getEvent();
    throw new PyYamlError(
      'composer',
      'expected a single document in the stream',
      document?.start,
      'but found another document',
      event.start,
    );
  }
  parser.getEvent();
  return document;
}
