import { isUtf8 } from 'buffer';
import { latin1Bytes } from './bytes';
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

const OPEN_SI = latin1Bytes('<si>');
const EMPTY_SI = latin1Bytes('<si/>');
const OPEN_T = latin1Bytes('<t>');
const OPEN_T_SPACE = latin1Bytes('<t xml:space="preserve">');
const CLOSE_T_SI = latin1Bytes('</t></si>');
const CLOSE_SST = latin1Bytes('</sst>');

function at(buf: Buffer, i: number, word: Uint8Array): boolean {
  if (i + word.length > buf.length) return false;
  for (let k = 0; k < word.length; k++) if (buf[i + k] !== word[k]) return false;
  return true;
}

/**
 * The shared strings read straight from the bytes when every string is one plain `<t>` (what
 * ExcelJS, WPS and most of Excel write): no string is made of the part, only of each text.
 * Anything else (rich-text runs, phonetic guides, a comment, a prefix, invalid UTF-8, a text
 * past the token cap) answers null, and the part is read by SharedStringsHandler, whose
 * reading and refusals stand. The count cap is checked as the handler checks it.
 */
export function scanSharedStringsBytes(buf: Buffer, part: string, limits: ReadLimits): string[] | null {
  if (!isUtf8(buf)) return null;
  const strings: string[] = [];
  const add = (s: string) => {
    if (strings.length >= limits.sharedStrings) throw new WorkbookReadError(`共享字符串超过 ${countWords(limits.sharedStrings)}个，超出读取上限`);
    strings.push(s);
  };
  const n = buf.length;
  let i = 0;
  let inSst = false;
  for (;;) {
    const lt = buf.indexOf(60, i);
    if (lt < 0) {
      for (let k = i; k < n; k++) if (buf[k] > 32) return null;
      return inSst ? null : strings;
    }
    for (let k = i; k < lt; k++) if (buf[k] > 32) return null;
    i = lt;
    if (inSst && at(buf, i, OPEN_SI)) {
      let t = i + OPEN_SI.length;
      if (at(buf, t, OPEN_T)) t += OPEN_T.length;
      else if (at(buf, t, OPEN_T_SPACE)) t += OPEN_T_SPACE.length;
      else return null;
      const end = buf.indexOf(60, t);
      if (end < 0 || end - t > limits.tokenChars || !at(buf, end, CLOSE_T_SI)) return null;
      const raw = buf.toString('utf8', t, end);
      add(decodeXString(raw.indexOf('&') < 0 ? raw : decodeXml(raw, part)));
      i = end + CLOSE_T_SI.length;
    } else if (inSst && at(buf, i, EMPTY_SI)) {
      add('');
      i += EMPTY_SI.length;
    } else if (inSst && at(buf, i, CLOSE_SST)) {
      inSst = false;
      i += CLOSE_SST.length;
    } else if (buf[i + 1] === 63 /* ? */) {
      const e = buf.indexOf('?>', i + 2, 'latin1');
      if (e < 0) return null;
      i = e + 2;
    } else if (!inSst && strings.length === 0 && at(buf, i, SST_NAME) && (buf[i + 4] <= 32 || buf[i + 4] === 62)) {
      // the root's attributes (namespaces, counts): taken as the generic scanner's quick look takes a tag
      const gt = buf.indexOf(62, i);
      if (gt < 0 || gt - i > limits.tokenChars || buf[gt - 1] === 47) return null;
      let quotes = 0;
      for (let k = i + 4; k < gt; k++) {
        const c = buf[k];
        if (c === 34) quotes++;
        else if (c === 39 || c === 60) return null;
      }
      if (quotes & 1) return null;
      inSst = true;
      i = gt + 1;
    } else return null;
  }
}

const SST_NAME = latin1Bytes('<sst');
