import { BankStatementError } from '../bank-statement-error';
import { XmlNode } from './read-xml';

/** A parsed element together with its XPath, so every refusal can say where in the file it is. */
export class Element {
  constructor(
    readonly node: XmlNode,
    readonly path: string,
  ) {}

  /** Children with a local name, each with its 1-based XPath position. */
  all(name: string): Element[] {
    if (typeof this.node === 'string') return [];
    // Own-property lookup: an element called "constructor" must not find Object.prototype.constructor.
    const value = Object.prototype.hasOwnProperty.call(this.node, name) ? this.node[name] : undefined;
    if (!Array.isArray(value)) return [];
    return value.map((child, i) => new Element(child, `${this.path}/${name}[${i + 1}]`));
  }

  one(...names: string[]): Element | undefined {
    let current: Element | undefined = this as Element;
    for (const name of names) current = current?.all(name)[0];
    return current;
  }

  /** The text of a descendant (or of this element with no names); empty text counts as absent. */
  text(...names: string[]): string | undefined {
    const element = this.one(...names);
    if (!element) return undefined;
    const { node } = element;
    const text = typeof node === 'string' ? node : node['#text'];
    return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
  }

  attribute(name: string): string | undefined {
    if (typeof this.node === 'string') return undefined;
    const value = Object.prototype.hasOwnProperty.call(this.node, `@${name}`) ? this.node[`@${name}`] : undefined;
    return typeof value === 'string' ? value.trim() : undefined;
  }

  need(...names: string[]): Element {
    const element = this.one(...names);
    if (!element) throw missing(`${this.path}/${names.join('/')}`);
    return element;
  }

  needText(...names: string[]): string {
    const text = this.text(...names);
    if (text === undefined) throw missing(`${this.path}/${names.join('/')}`);
    return text;
  }
}

export function missing(path: string): BankStatementError {
  return new BankStatementError('CAMT_FIELD_MISSING', `${path} is required and missing`, path);
}

export function invalid(path: string, reason: string): BankStatementError {
  return new BankStatementError('CAMT_FIELD_INVALID', `${path}: ${reason}`, path);
}
