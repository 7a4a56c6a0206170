// A layout's text (YAML, or JSON, which is YAML too) → a plain value, and a way back from a path in
// that value to the line it was written on, so validation errors can name `layout.yaml:12`.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ReportParseError } from '../report-errors';

export interface LayoutText {
  value: unknown;
  /** The line of the deepest node along `path` that the text has. */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Beyond this a layout is not a layout: refused before parsing. */
const MAX_LAYOUT_CHARACTERS = 200_000;

// A plain 062073 or 05030301 is a code, not the number 62073: YAML would drop the zero the code needs.
const LEADING_ZERO = /^[+-]?0\d/;

/** The node as plain JSON; `refuse` is called on anything a layout has no use for (aliases). */
function plain(node: unknown, refuse: (node: Node, what: string) => never): unknown {
  if (isAlias(node)) return refuse(node, 'a value written out (a layout uses no YAML aliases)');
  if (isMap(node)) {
    // fromEntries defines own properties: a key "__proto__" stays a key (that zod then refuses).
    return Object.fromEntries(node.items.map((pair) => [isScalar(pair.key) ? String(pair.key.value) : String(pair.key), plain(pair.value, refuse)]));
  }
  if (isSeq(node)) return node.items.map((item) => plain(item, refuse));
  if (isScalar(node)) {
    if (node.type === 'PLAIN' && typeof node.value === 'number' && typeof node.source === 'string' && LEADING_ZERO.test(node.source)) return node.source;
    return node.value;
  }
  return node === null || node === undefined ? null : String(node);
}

export function readLayoutText(text: string, file: string): LayoutText {
  if (text.length > MAX_LAYOUT_CHARACTERS) throw new ReportParseError(1, `a layout of at most ${MAX_LAYOUT_CHARACTERS} characters`, `${text.length} characters`, file);
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const [error] = document.errors;
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new ReportParseError(line, 'YAML or JSON', error.message.split('\n')[0] ?? error.code, file);
  }
  const lineOfNode = (node: Node | null): number | null => (node?.range ? lineCounter.linePos(node.range[0]).line : null);
  const refuse = (node: Node, what: string): never => {
    throw new ReportParseError(lineOfNode(node) ?? 1, what, String(node), file);
  };
  return {
    value: plain(document.contents, refuse),
    lineOf(path) {
      // A key's line, not its value's: `fields:` is where a person looks for what fields lacks.
      let node: unknown = document.contents;
      let line = lineOfNode(document.contents) ?? 1;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
          if (!pair) break;
          line = (isScalar(pair.key) ? lineOfNode(pair.key) : null) ?? line;
          node = pair.value;
        } else if (isSeq(node) && typeof key === 'number') {
          node = node.items[key];
          line = isMap(node) || isSeq(node) || isScalar(node) ? (lineOfNode(node) ?? line) : line;
        } else break;
      }
      return line;
    },
  };
}
