// Which MFA devices a profile's credentials depend on: its own mfa_serial and those of its source_profile chain.

import type { ProfileModel } from '../awsfiles/profiles.js';
import { stringSetting } from '../awsfiles/profiles.js';

export function mfaSerialsOf(model: ProfileModel, profile: string): string[] {
  const serials: string[] = [];
  const visited = new Set<string>();
  let name: string | undefined = profile;
  // A source_profile loop is the files' problem (the doctor reports it); here it only has to end.
  while (name !== undefined && !visited.has(name)) {
    visited.add(name);
    const p = model.byName.get(name);
    if (p === undefined) break;
    const serial = stringSetting(p.settings, 'mfa_serial');
    if (serial !== undefined && !serials.includes(serial)) serials.push(serial);
    name = stringSetting(p.settings, 'source_profile');
  }
  return serials;
}
