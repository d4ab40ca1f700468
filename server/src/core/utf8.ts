// UTF-8 length as a WebSocket implementation measures a close reason: the WHATWG API converts
// the reason to a USVString and Node's Buffer.byteLength replaces lone surrogates with U+FFFD,
// so a lone surrogate counts as 3 bytes and a valid surrogate pair as 4.
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The longest prefix of `text` that fits in `maxBytes` UTF-8 bytes without splitting a
 * character (a surrogate pair is kept or dropped whole).
 */
export function truncateToUtf8Bytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let end = 0;
  while (end < text.length) {
    const unit = text.charCodeAt(end);
    const isPair =
      unit >= 0xd800 && unit <= 0xdbff && end + 1 < text.length && (text.charCodeAt(end + 1) & 0xfc00) === 0xdc00;
    const width = isPair ? 4 : unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
    if (bytes + width > maxBytes) break;
    bytes += width;
    end += isPair ? 2 : 1;
  }
  return text.slice(0, end);
}

/** Close frames carry at most 125 payload bytes, 2 of which are the code (RFC 6455 §5.5). */
export const MAX_REASON_BYTES = 123;
