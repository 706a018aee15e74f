// Chinese names found by their pinyin: a researcher without a Chinese keyboard types "suanli" or
// "slwl" for 算力网络. pinyin-pro (added for this: a maintained dictionary with polyphone
// handling, where a hand-made table would be wrong for many characters) is loaded on the first
// Chinese name, so an English vault never pays for its dictionary.

export const HAN = /\p{Script=Han}/u;

type Pinyin = (text: string, options: { toneType: 'none'; type: 'array'; pattern?: 'first'; nonZh?: 'consecutive' }) => string[];
let pinyin: Pinyin | undefined;

/** The full pinyin and the initials of a name that holds Han characters ("suanliwangluo", "slwl"). */
export function pinyinSpellings(name: string): string[] {
  if (!HAN.test(name)) return [];
  pinyin ??= (require('pinyin-pro') as { pinyin: Pinyin }).pinyin;
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).map((part) => part.trim()).filter(Boolean);
  const initials = pinyin(name, { toneType: 'none', type: 'array', pattern: 'first', nonZh: 'consecutive' }).map((part) => part.trim()).filter(Boolean);
  return [...new Set([syllables.join(''), syllables.join(' '), initials.join('')])].filter((spelling) => spelling !== name);
}
