// The config/credentials document pair and its botocore reading, the unit every edit works on; plain TS.

import type { IniDocument } from './ini-document.js';
import type { IniReading } from './ini-reading.js';
import { readIni } from './ini-reading.js';
import type { AwsFileKind, ProfileModel } from './profiles.js';
import { buildProfileModel } from './profiles.js';

export interface AwsDocs {
  readonly config: IniDocument;
  readonly credentials: IniDocument;
}

const models = new WeakMap<AwsDocs, ProfileModel>();
const readings = new WeakMap<IniDocument, IniReading>();

/** botocore's reading of one document, memoised: an edit of one file never re-reads the other. */
export function readingOf(doc: IniDocument): IniReading {
  let reading = readings.get(doc);
  if (reading === undefined) {
    reading = readIni(doc);
    readings.set(doc, reading);
  }
  return reading;
}

/** botocore's reading of the pair, memoised per pair object (edits create new pairs, never mutate). */
export function modelOf(docs: AwsDocs): ProfileModel {
  let model = models.get(docs);
  if (model === undefined) {
    model = buildProfileModel(readingOf(docs.config), readingOf(docs.credentials));
    models.set(docs, model);
  }
  return model;
}

export function withDoc(docs: AwsDocs, file: AwsFileKind, doc: IniDocument): AwsDocs {
  if (docs[file] === doc) return docs;
  return file === 'config' ? { config: doc, credentials: docs.credentials } : { config: docs.config, credentials: doc };
}
