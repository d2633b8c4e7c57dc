import { type Mark, PyYamlError, pythonRepr } from './pyyaml-error.js';
import { Scanner, TOKEN_ID, type Token, type TokenKind } from './scanner.js';

/** PyYAML's Parser (`parser.py`), ported state for state: tokens in, events out, the same errors. */

export type YamlEvent =
  | { kind: 'stream-start' | 'stream-end' | 'document-start' | 'document-end'; start: Mark; end: Mark }
  | { kind: 'alias'; anchor: string; start: Mark; end: Mark }
  | {
      kind: 'scalar';
      anchor: string | null;
      tag: string | null;
      /** [plain with no tag or `!`, quoted with no tag] as PyYAML's `implicit` pair. */
      implicit: [boolean, boolean];
      value: string;
      start: Mark;
      end: Mark;
    }
  | {
      kind: 'sequence-start' | 'mapping-start';
      anchor: string | null;
      tag: string | null;
      implicit: boolean;
      start: Mark;
      end: Mark;
    }
  | { kind: 'sequence-end' | 'mapping-end'; start: Mark; end: Mark };

type State = () => YamlEvent;

const DEFAULT_TAGS: Record<string, string> = { '!': '!', '!!': 'tag:yaml.org,2002:' };

export class Parser {
  private readonly scanner: Scanner;
  private currentEvent: YamlEvent | undefined;
  private tagHandles: Record<string, string> = {};
  private yamlVersion: [number, number] | undefined;
  private readonly states: State[] = [];
  private readonly marks: Mark[] = [];
  private state: State | undefined = () => this.parseStreamStart();

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  checkEvent(...kinds: YamlEvent['kind'][]): boolean {
    if (this.currentEvent === undefined && this.state) this.currentEvent = this.state();
    if (this.currentEvent === undefined) return false;
    return kinds.length === 0 || kinds.includes(this.currentEvent.kind);
  }

  peekEvent(): YamlEvent {
    if (this.currentEvent === undefined && this.state) this.currentEvent = this.state();
    return this.currentEvent as YamlEvent;
  }

  getEvent(): YamlEvent {
    const event = this.peekEvent();
    this.currentEvent = undefined;
    return event;
  }

  private check(...kinds: TokenKind[]): boolean {
    return this.scanner.checkToken(...kinds);
  }

  private peek(): Token {
    return this.scanner.peekToken() as Token;
  }

  private next(): Token {
    return this.scanner.getToken() as Token;
  }

  private popState(): State {
    return this.states.pop() as State;
  }

  private parseStreamStart(): YamlEvent {
    const token = this.next();
    this.state = () => this.parseImplicitDocumentStart();
    return { kind: 'stream-start', start: token.start, end: token.end };
  }

  private parseImplicitDocumentStart(): YamlEvent {
    if (!this.check('directive', 'document-start', 'stream-end')) {
      this.tagHandles = DEFAULT_TAGS;
      const mark = this.peek().start;
      this.states.push(() => this.parseDocumentEnd());
      this.state = () => this.parseBlockNode();
      return { kind: 'document-start', start: mark, end: mark };
    }
    return this.parseDocumentStart();
  }

  private parseDocumentStart(): YamlEvent {
    while (this.check('document-end')) this.next();
    if (!this.check('stream-end')) {
      const start = this.peek().start;
      this.processDirectives();
      if (!this.check('document-start'))
        throw new PyYamlError(
          'parser',
          undefined,
          undefined,
          `expected '<document start>', but found ${pythonRepr(TOKEN_ID[this.peek().kind])}`,
          this.peek().start,
        );
      const token = this.next();
      this.states.push(() => this.parseDocumentEnd());
      this.state = () => this.parseDocumentContent();
      return { kind: 'document-start', start, end: token.end };
    }
    const token = this.next();
    this.state = undefined;
    return { kind: 'stream-end', start: token.start, end: token.end };
  }

  private parseDocumentEnd(): YamlEvent {
    let token = this.peek();
    const start = token.start;
    let end = start;
    if (this.check('document-end')) {
      token = this.next();
      end = token.end;
    }
    this.state = () => this.parseDocumentStart();
    return { kind: 'document-end', start, end };
  }

  private parseDocumentContent(): YamlEvent {
    if (this.check('directive', 'document-start', 'document-end', 'stream-end')) {
      const event = emptyScalar(this.peek().start);
      this.state = this.popState();
      return event;
    }
    return this.parseBlockNode();
  }

  private processDirectives(): void {
    this.yamlVersion = undefined;
    this.tagHandles = {};
    while (this.check('directive')) {
      const token = this.next();
      if (token.value === 'YAML') {
        if (this.yamlVersion !== undefined)
          throw new PyYamlError(
            'parser',
            undefined,
            undefined,
            'found duplicate YAML directive',
            token.start,
          );
        const [major] = token.directive as [number, number];
        if (major !== 1)
          throw new PyYamlError(
            'parser',
            undefined,
            undefined,
            'found incompatible YAML document (version 1.* is required)',
            token.start,
          );
        this.yamlVersion = token.directive as [number, number];
      } else if (token.value === 'TAG') {
        const [handle, prefix] = token.directive as [string, string];
        if (Object.hasOwn(this.tagHandles, handle))
          throw new PyYamlError(
            'parser',
            undefined,
            undefined,
            `duplicate tag handle ${pythonRepr(handle)}`,
            token.start,
          );
        this.tagHandles[handle] = prefix;
      }
    }
    for (const key of Object.keys(DEFAULT_TAGS))
      if (!Object.hasOwn(this.tagHandles, key)) this.tagHandles[key] = DEFAULT_TAGS[key] as string;
  }

  private parseBlockNode(): YamlEvent {
    return this.parseNode(true, false);
  }

  private parseFlowNode(): YamlEvent {
    return this.parseNode(false, false);
  }

  private parseNode(block: boolean, indentlessSequence: boolean): YamlEvent {
    if (this.check('alias')) {
      const token = this.next();
      this.state = this.popState();
      return { kind: 'alias', anchor: token.value as string, start: token.start, end: token.end };
    }
    let anchor: string | null = null;
    let tagToken: [string | null, string] | undefined;
    let start: Mark | undefined;
    let end: Mark | undefined;
    let tagMark: Mark | undefined;
    if (this.check('anchor')) {
      const token = this.next();
      start = token.start;
      end = token.end;
      anchor = token.value as string;
      if (this.check('tag')) {
        const tag = this.next();
        tagMark = tag.start;
        end = tag.end;
        tagToken = tag.tag;
      }
    } else if (this.check('tag')) {
      const token = this.next();
      start = tagMark = token.start;
      end = token.end;
      tagToken = token.tag;
      if (this.check('anchor')) {
        const anchorToken = this.next();
        end = anchorToken.end;
        anchor = anchorToken.value as string;
      }
    }
    let tag: string | null = null;
    if (tagToken !== undefined) {
      const [handle, suffix] = tagToken;
      if (handle !== null) {
        if (!Object.hasOwn(this.tagHandles, handle))
          throw new PyYamlError(
            'parser',
            'while parsing a node',
            start,
            `found undefined tag handle ${pythonRepr(handle)}`,
            tagMark,
          );
        tag = (this.tagHandles[handle] as string) + suffix;
      } else {
        tag = suffix;
      }
    }
    if (start === undefined) start = end = this.peek().start;
    const implicit = tag === null || tag === '!';
    if (indentlessSequence && this.check('block-entry')) {
      this.state = () => this.parseIndentlessSequenceEntry();
      return { kind: 'sequence-start', anchor, tag, implicit, start, end: this.peek().end };
    }
    if (this.check('scalar')) {
      const token = this.next();
      const pair: [boolean, boolean] =
        (token.plain && tag === null) || tag === '!'
          ? [true, false]
          : tag === null
            ? [false, true]
            : [false, false];
      this.state = this.popState();
      return {
        kind: 'scalar',
        anchor,
        tag,
        implicit: pair,
        value: token.value as string,
        start,
        end: token.end,
      };
    }
    if (this.check('flow-sequence-start')) {
      end = this.peek().end;
      this.state = () => this.parseFlowSequenceFirstEntry();
      return { kind: 'sequence-start', anchor, tag, implicit, start, end };
    }
    if (this.check('flow-mapping-start')) {
      end = this.peek().end;
      this.state = () => this.parseFlowMappingFirstKey();
      return { kind: 'mapping-start', anchor, tag, implicit, start, end };
    }
    if (block && this.check('block-sequence-start')) {
      end = this.peek().start;
      this.state = () => this.parseBlockSequenceFirstEntry();
      return { kind: 'sequence-start', anchor, tag, implicit, start, end };
    }
    if (block && this.check('block-mapping-start')) {
      end = this.peek().start;
      this.state = () => this.parseBlockMappingFirstKey();
      return { kind: 'mapping-start', anchor, tag, implicit, start, end };
    }
    if (anchor !== null || tag !== null) {
      this.state = this.popState();
      return {
        kind: 'scalar',
        anchor,
        tag,
        implicit: [implicit, false],
        value: '',
        start,
        end: end as Mark,
      };
    }
    const token = this.peek();
    throw new PyYamlError(
      'parser',
      `while parsing a ${block ? 'block' : 'flow'} node`,
      start,
      `expected the node content, but found ${pythonRepr(TOKEN_ID[token.kind])}`,
      token.start,
    );
  }

  private parseBlockSequenceFirstEntry(): YamlEvent {
    this.marks.push(this.next().start);
    return this.parseBlockSequenceEntry();
  }

  private parseBlockSequenceEntry(): YamlEvent {
    if (this.check('block-entry')) {
      const token = this.next();
      if (!this.check('block-entry', 'block-end')) {
        this.states.push(() => this.parseBlockSequenceEntry());
        return this.parseBlockNode();
      }
      this.state = () => this.parseBlockSequenceEntry();
      return emptyScalar(token.end);
    }
    if (!this.check('block-end')) {
      const token = this.peek();
      throw new PyYamlError(
        'parser',
        'while parsing a block collection',
        this.marks[this.marks.length - 1],
        `expected <block end>, but found ${pythonRepr(TOKEN_ID[token.kind])}`,
        token.start,
      );
    }
    const token = this.next();
    this.state = this.popState();
    this.marks.pop();
    return { kind: 'sequence-end', start: token.start, end: token.end };
  }

  private parseIndentlessSequenceEntry(): YamlEvent {
    if (this.check('block-entry')) {
      const token = this.next();
      if (!this.check('block-entry', 'key', 'value', 'block-end')) {
        this.states.push(() => this.parseIndentlessSequenceEntry());
        return this.parseBlockNode();
      }
      this.state = () => this.parseIndentlessSequenceEntry();
      return emptyScalar(token.end);
    }
    const token = this.peek();
    this.state = this.popState();
    return { kind: 'sequence-end', start: token.start, end: token.start };
  }

  private parseBlockMappingFirstKey(): YamlEvent {
    this.marks.push(this.next().start);
    return this.parseBlockMappingKey();
  }

  private parseBlockMappingKey(): YamlEvent {
    if (this.check('key')) {
      const token = this.next();
      if (!this.check('key', 'value', 'block-end')) {
        this.states.push(() => this.parseBlockMappingValue());
        return this.parseNode(true, true);
      }
      this.state = () => this.parseBlockMappingValue();
      return emptyScalar(token.end);
    }
    if (!this.check('block-end')) {
      const token = this.peek();
      throw new PyYamlError(
        'parser',
        'while parsing a block mapping',
        this.marks[this.marks.length - 1],
        `expected <block end>, but found ${pythonRepr(TOKEN_ID[token.kind])}`,
        token.start,
      );
    }
    const token = this.next();
    this.state = this.popState();
    this.marks.pop();
    return { kind: 'mapping-end', start: token.start, end: token.end };
  }

  private parseBlockMappingValue(): YamlEvent {
    if (this.check('value')) {
      const token = this.next();
      if (!this.check('key', 'value', 'block-end')) {
        this.states.push(() => this.parseBlockMappingKey());
        return this.parseNode(true, true);
      }
      this.state = () => this.parseBlockMappingKey();
      return emptyScalar(token.end);
    }
    this.state = () => this.parseBlockMappingKey();
    return emptyScalar(this.peek().start);
  }

  private parseFlowSequenceFirstEntry(): YamlEvent {
    this.marks.push(this.next().start);
    return this.parseFlowSequenceEntry(true);
  }

  private parseFlowSequenceEntry(first = false): YamlEvent {
    if (!this.check('flow-sequence-end')) {
      if (!first) {
        if (this.check('flow-entry')) {
          this.next();
        } else {
          const token = this.peek();
          throw new PyYamlError(
            'parser',
            'while parsing a flow sequence',
            this.marks[this.marks.length - 1],
            `expected ',' or ']', but got ${pythonRepr(TOKEN_ID[token.kind])}`,
            token.start,
          );
        }
      }
      if (this.check('key')) {
        const token = this.peek();
        this.state = () => this.parseFlowSequenceEntryMappingKey();
        return {
          kind: 'mapping-start',
          anchor: null,
          tag: null,
          implicit: true,
          start: token.start,
          end: token.end,
        };
      }
      if (!this.check('flow-sequence-end')) {
        this.states.push(() => this.parseFlowSequenceEntry());
        return this.parseFlowNode();
      }
    }
    const token = this.next();
    this.state = this.popState();
    this.marks.pop();
    return { kind: 'sequence-end', start: token.start, end: token.end };
  }

  private parseFlowSequenceEntryMappingKey(): YamlEvent {
    const token = this.next();
    if (!this.check('value', 'flow-entry', 'flow-sequence-end')) {
      this.states.push(() => this.parseFlowSequenceEntryMappingValue());
      return this.parseFlowNode();
    }
    this.state = () => this.parseFlowSequenceEntryMappingValue();
    return emptyScalar(token.end);
  }

  private parseFlowSequenceEntryMappingValue(): YamlEvent {
    if (this.check('value')) {
      const token = this.next();
      if (!this.check('flow-entry', 'flow-sequence-end')) {
        this.states.push(() => this.parseFlowSequenceEntryMappingEnd());
        return this.parseFlowNode();
      }
      this.state = () => this.parseFlowSequenceEntryMappingEnd();
      return emptyScalar(token.end);
    }
    this.state = () => this.parseFlowSequenceEntryMappingEnd();
    return emptyScalar(this.peek().start);
  }

  private parseFlowSequenceEntryMappingEnd(): YamlEvent {
    this.state = () => this.parseFlowSequenceEntry();
    const mark = this.peek().start;
    return { kind: 'mapping-end', start: mark, end: mark };
  }

  private parseFlowMappingFirstKey(): YamlEvent {
    this.marks.push(this.next().start);
    return this.parseFlowMappingKey(true);
  }

  private parseFlowMappingKey(first = false): YamlEvent {
    if (!this.check('flow-mapping-end')) {
      if (!first) {
        if (this.check('flow-entry')) {
          this.next();
        } else {
          const token = this.peek();
          throw new PyYamlError(
            'parser',
            'while parsing a flow mapping',
            this.marks[this.marks.length - 1],
            `expected ',' or '}', but got ${pythonRepr(TOKEN_ID[token.kind])}`,
            token.start,
          );
        }
      }
      if (this.check('key')) {
        const token = this.next();
        if (!this.check('value', 'flow-entry', 'flow-mapping-end')) {
          this.states.push(() => this.parseFlowMappingValue());
          return this.parseFlowNode();
        }
        this.state = () => this.parseFlowMappingValue();
        return emptyScalar(token.end);
      }
      if (!this.check('flow-mapping-end')) {
        this.states.push(() => this.parseFlowMappingEmptyValue());
        return this.parseFlowNode();
      }
    }
    const token = this.next();
    this.state = this.popState();
    this.marks.pop();
    return { kind: 'mapping-end', start: token.start, end: token.end };
  }

  private parseFlowMappingValue(): YamlEvent {
    if (this.check('value')) {
      const token = this.next();
      if (!this.check('flow-entry', 'flow-mapping-end')) {
        this.states.push(() => this.parseFlowMappingKey());
        return this.parseFlowNode();
      }
      this.state = () => this.parseFlowMappingKey();
      return emptyScalar(token.end);
    }
    this.state = () => this.parseFlowMappingKey();
    return emptyScalar(this.peek().start);
  }

  private parseFlowMappingEmptyValue(): YamlEvent {
    this.state = () => this.parseFlowMappingKey();
    return emptyScalar(this.peek().start);
  }
}

function emptyScalar(mark: Mark): YamlEvent {
  return {
    kind: 'scalar',
    anchor: null,
    tag: null,
    implicit: [true, false],
    value: '',
    start: mark,
    end: mark,
  };
}
