/** List every API key (staff), revoked ones included; the keys themselves are never shown again. */
export class ListApiKeysCommand {
  private constructor() {
    Object.freeze(this);
  }

  static create(): ListApiKeysCommand {
    return new ListApiKeysCommand();
  }
}
