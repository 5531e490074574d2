import { countWords, WorkbookReadError, type ReadLimits } from './limits';
import { decodeXml, type XmlHandler } from './xml-scan';

/** Excel's escape of a character XML cannot hold (`_x000D_`), decoded as ExcelJS does (upper-case hex only). */
export const decodeXString = (s: string) => (s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))));

/**
 * The shared-strings part: each `<si>` as its plain text (rich-text runs joined, phonetic
 * guides `<rPh>` left out), counted against the cap as they come.
 */
export class SharedStringsHandler implements XmlHandler {
  readonly strings: string[] = [];
  private parts: string[] | null = null;
  private inT = false;
  private inPhonetic = 0;

  constructor(
    private readonly part: string,
    private readonly limits: ReadLimits,
  ) {}

  open(name: string, _attrs: string, selfClosing: boolean): void {
    if (selfClosing) {
      if (name === 'si') this.add('');
      return;
    }
    if (name === 'si') this.parts = [];
    else if (name === 't' && this.parts && !this.inPhonetic) this.inT = true;
    else if (name === 'rPh') this.inPhonetic++;
  }

  close(name: string): void {
    if (name === 't') this.inT = false;
    else if (name === 'rPh') this.inPhonetic = Math.max(0, this.inPhonetic - 1);
    else if (name === 'si' && this.parts) {
      this.add(decodeXString(this.parts.join('')));
      this.parts = null;
    }
  }

  text(raw: string): void {
    if (this.inT && this.parts) this.parts.push(decodeXml(raw, this.part));
  }

  private add(s: string): void {
    if (this.strings.length >= this.limits.sharedStrings) {
      throw new WorkbookReadError(`共享字符串超过 ${countWords(this.limits.sharedStrings)}个，超出读取上限`);
    }
    this.strings.push(s);
  }
}
