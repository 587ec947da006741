// One section's values as a compact read-only map, and botocore's merge of two sections' values.

import type { SettingValue } from './ini-reading-types.js';

/**
 * One section's values as a map, the way assigning its entries in order to a dict would read: the last value of a key
 * wins, keys keep their first position. Held as one array of key, value, key, value…: sections hold a handful of
 * keys, so a scan is as quick as hashing, and a 500,000-section file does not build 500,000 maps.
 */
export class EntrySettings implements ReadonlyMap<string, SettingValue> {
  private declare readonly pairs: readonly (string | SettingValue)[];
  /** The last merge of these values onto others (see mergedValues), kept as long as these values are. */
  declare lastMerge: { readonly base: ReadonlyMap<string, SettingValue>; readonly merged: EntrySettings } | undefined;

  constructor(pairs: readonly (string | SettingValue)[]) {
    this.pairs = pairs;
    this.lastMerge = undefined;
  }

  private indexOf(key: string): number {
    const pairs = this.pairs;
    for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === key) return i;
    return -1;
  }

  get(key: string): SettingValue | undefined {
    const at = this.indexOf(key);
    return at < 0 ? undefined : (this.pairs[at + 1] as SettingValue);
  }

  has(key: string): boolean {
    return this.indexOf(key) >= 0;
  }

  get size(): number {
    return this.pairs.length >> 1;
  }

  entries(): MapIterator<[string, SettingValue]> {
    const out: [string, SettingValue][] = [];
    for (let i = 0; i < this.pairs.length; i += 2) out.push([this.pairs[i] as string, this.pairs[i + 1] as SettingValue]);
    return out[Symbol.iterator]() as MapIterator<[string, SettingValue]>;
  }

  keys(): MapIterator<string> {
    const out: string[] = [];
    for (let i = 0; i < this.pairs.length; i += 2) out.push(this.pairs[i] as string);
    return out[Symbol.iterator]() as MapIterator<string>;
  }

  values(): MapIterator<SettingValue> {
    const out: SettingValue[] = [];
    for (let i = 1; i < this.pairs.length; i += 2) out.push(this.pairs[i] as SettingValue);
    return out[Symbol.iterator]() as MapIterator<SettingValue>;
  }

  forEach(callback: (value: SettingValue, key: string, map: ReadonlyMap<string, SettingValue>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.pairs.length; i += 2) callback.call(thisArg, this.pairs[i + 1] as SettingValue, this.pairs[i] as string, this);
  }

  [Symbol.iterator](): MapIterator<[string, SettingValue]> {
    return this.entries();
  }
}

/** The values of every section with no entries (never written to). */
export const NO_SETTINGS = new EntrySettings([]);

/**
 * `over`'s values assigned onto `base`'s, as dict.update does (botocore merges a profile's two sections so). The
 * result lives as long as `over`'s values do, so a profile does not hold its merged values for ever.
 */
export function mergedValues(base: ReadonlyMap<string, SettingValue>, over: ReadonlyMap<string, SettingValue>): ReadonlyMap<string, SettingValue> {
  const memo = over instanceof EntrySettings ? over : undefined;
  if (memo?.lastMerge !== undefined && memo.lastMerge.base === base) return memo.lastMerge.merged;
  const pairs: (string | SettingValue)[] = [];
  for (const [key, value] of base) pairs.push(key, value);
  for (const [key, value] of over) {
    let at = 0;
    while (at < pairs.length && pairs[at] !== key) at += 2;
    if (at === pairs.length) pairs.push(key, value);
    else pairs[at + 1] = value;
  }
  const merged = new EntrySettings(pairs);
  if (memo !== undefined && memo !== NO_SETTINGS) memo.lastMerge = { base, merged };
  return merged;
}
