/**
 * A small reader for the message and enum declarations of a .proto file: enough to list a
 * message's fields (with their proto3 JSON names) and an enum's values. Options, reserved names,
 * imports and services are skipped; a oneof's fields belong to the message around it.
 */

/** A message: its fields' JSON names in declaration order, nested messages and enums. */
export interface ProtoMessage {
  fields: string[];
  messages: Map<string, ProtoMessage>;
  enums: Map<string, string[]>;
}

/** The top-level messages of a .proto file, by name. */
export function readProto(text: string): Map<string, ProtoMessage> {
  const tokens = tokenize(text);
  let at = 0;
  const peek = () => tokens[at];
  const next = () => {
    const token = tokens[at++];
    if (token === undefined) throw new Error('unexpected end of the proto file');
    return token;
  };
  const expect = (token: string) => {
    const got = next();
    if (got !== token) throw new Error(`expected "${token}", got "${got}"`);
  };
  /** Skips a statement up to its `;`, or a block up to its closing brace. */
  const skip = () => {
    let depth = 0;
    for (;;) {
      const token = next();
      if (token === '{') depth++;
      else if (token === '}' && --depth === 0) return;
      else if (token === ';' && depth === 0) return;
    }
  };
  const readEnum = (): string[] => {
    const values: string[] = [];
    expect('{');
    while (peek() !== '}') {
      const token = next();
      if (token === 'option' || token === 'reserved') {
        at--;
        skip();
      } else if (token !== ';') {
        values.push(token);
        at--;
        skip();
      }
    }
    expect('}');
    return values;
  };
  const readBody = (message: ProtoMessage) => {
    expect('{');
    while (peek() !== '}') {
      const token = next();
      if (token === 'message') {
        const name = next();
        const nested: ProtoMessage = { fields: [], messages: new Map(), enums: new Map() };
        readBody(nested);
        message.messages.set(name, nested);
      } else if (token === 'enum') {
        message.enums.set(next(), readEnum());
      } else if (token === 'oneof') {
        next();
        readBody(message);
      } else if (token === 'option' || token === 'reserved' || token === 'extensions') {
        at--;
        skip();
      } else if (token !== ';') {
        // [repeated|optional] Type name = N [options]; or map<K, V> name = N;
        at--;
        const statement: string[] = [];
        while (peek() !== ';') statement.push(next());
        next();
        const equals = statement.indexOf('=');
        if (equals < 1) throw new Error(`cannot read field "${statement.join(' ')}"`);
        message.fields.push(jsonName(statement[equals - 1]!));
      }
    }
    expect('}');
  };

  const messages = new Map<string, ProtoMessage>();
  while (at < tokens.length) {
    const token = next();
    if (token === 'message') {
      const name = next();
      const message: ProtoMessage = { fields: [], messages: new Map(), enums: new Map() };
      readBody(message);
      messages.set(name, message);
    } else if (token === 'enum' || token === 'service') {
      next();
      skip();
    } else if (token !== ';') {
      at--;
      skip();
    }
  }
  return messages;
}

/** proto3's JSON name of a field: lower camel case of the snake-case name. */
export function jsonName(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

function tokenize(text: string): string[] {
  const stripped = text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/[^\n]*/g, ' ');
  return stripped.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[A-Za-z0-9_.]+|[{}[\]();=<>,-]/g) ?? [];
}
