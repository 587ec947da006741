// The config/credentials document pair and its botocore reading, the unit every edit works on; plain TS.

import type { IniDocument } from './ini-document.js';
import { readIni } from './ini-reading.js';
import type { AwsFileKind, ProfileModel } from './profiles.js';
import { buildProfileModel } from './profiles.js';

export interface AwsDocs {
  readonly config: IniDocument;
  readonly credentials: IniDocument;
}

const models = new WeakMap<AwsDocs, ProfileModel>();

/** botocore's reading of the pair, memoised per pair object (edits create new pairs, never mutate). */
export function modelOf(docs: AwsDocs): ProfileModel {
  let model = models.get(docs);
  if (model === undefined) {
    model = buildProfileModel(readIni(docs.config), readIni(docs.credentials));
    models.set(docs, model);
  }
  return model;
}

export function withDoc(docs: AwsDocs, file: AwsFileKind, doc: IniDocument): AwsDocs {
  if (docs[file] === doc) return docs;
  return file === 'config' ? { config: doc, credentials: docs.credentials } : { config: docs.config, credentials: doc };
}
