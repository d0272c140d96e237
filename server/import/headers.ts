// Header rows: matching the contract's column names, refusing direct
// identifiers, and noting the unknown columns that are ignored.
import type { ExtractSpec } from './spec.ts';
import type { ImportProblem } from './problems.ts';

/**
 * Case-insensitive after Unicode compatibility normalisation (NFKC: full-width
 * `ＣＡＳＥ＿ＩＤ` is `case_id`) and trimming; spaces and hyphens count as underscores.
 */
export function normaliseHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/_+/g, '_');
}

// Single tokens that name a person, where they live, or a number that
// identifies them (NHS, CHI in Scotland, National Insurance, Police National
// Computer, unique pupil number).
const IDENTIFIER_TOKENS = new Set([
  'name', 'names', 'forename', 'forenames', 'firstname', 'lastname', 'surname', 'surnames', 'fullname',
  'middlename', 'dob', 'birthdate', 'birthday', 'address', 'postcode', 'nhs', 'nhsno', 'upn', 'email', 'telephone',
  'phone', 'mobile', 'nino', 'chi', 'chino', 'pnc', 'pncid', 'pncno',
]);
// Token sequences that do the same when written in words.
const IDENTIFIER_PHRASES = [
  ['date', 'of', 'birth'], ['birth', 'date'], ['post', 'code'], ['nhs', 'number'], ['pupil', 'number'],
  ['unique', 'pupil'], ['national', 'insurance'], ['first', 'name'], ['last', 'name'], ['given', 'name'],
  ['family', 'name'], ['zip', 'code'], ['ni', 'number'], ['ni', 'no'], ['d', 'o', 'b'], ['e', 'mail'],
];
// The same written run together (`NHSNumber`, `DateOfBirth`, `D.O.B`, `PNC-ID`):
// looked for in the header with every character but letters and digits removed.
// Only spellings long or particular enough never to occur inside a harmless name.
const IDENTIFIER_RUNS = [
  'dateofbirth', 'birthdate', 'nhsnumber', 'chinumber', 'ninumber', 'nationalinsurance',
  'pncid', 'pncnumber', 'pncno', 'uniquepupil', 'pupilnumber', 'postcode', 'zipcode', 'firstname', 'lastname',
  'forename', 'surname', 'fullname', 'middlename', 'givenname', 'familyname', 'emailaddress', 'telephone', 'mobilenumber', 'phonenumber',
];
// Whole headers that identify when run together but are too short to look for inside others.
const IDENTIFIER_WHOLE = new Set(['dob', 'nino', 'upn', 'chi', 'chino', 'pnc', 'nhs', 'nhsno', 'nhsid', 'chiid', 'ni', 'nin']);
// `name` after these words names a place or a team, not a person (`ward_name`).
const NOT_A_PERSON = new Set(['ward', 'area', 'team', 'location', 'place', 'district', 'borough', 'lsoa', 'msoa', 'la', 'region', 'service', 'unit', 'agency', 'organisation', 'school', 'premises']);

/**
 * Whether a normalised header names a direct identifier: by token (`child_name`,
 * `post_code`, `PNC ID`), or run together with punctuation and spaces removed
 * (`NHSNumber`, `D.O.B`, full-width `ＤＯＢ` once normalised).
 */
export function directIdentifier(normalised: string): boolean {
  const tokens = normalised.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (IDENTIFIER_TOKENS.has(t)) {
      if ((t === 'name' || t === 'names') && i > 0 && NOT_A_PERSON.has(tokens[i - 1])) continue;
      return true;
    }
    for (const p of IDENTIFIER_PHRASES) {
      if (p.every((w, j) => tokens[i + j] === w)) return true;
    }
  }
  const run = tokens.join('');
  return IDENTIFIER_WHOLE.has(run) || IDENTIFIER_RUNS.some((r) => run.includes(r));
}

export interface HeaderMatch {
  /** Spec column name → 0-based position in the file. */
  positions: Map<string, number>;
  problems: ImportProblem[];
  warnings: string[];
}

/** Matches a header row to an extract's columns. Problems are on row 1. */
export function matchHeader(file: string, spec: Pick<ExtractSpec, 'columns'>, headers: string[]): HeaderMatch {
  const positions = new Map<string, number>();
  const problems: ImportProblem[] = [];
  const warnings: string[] = [];
  const known = new Set(spec.columns.map((c) => c.name));
  const problem = (column: string | null, value: string | null, message: string) =>
    problems.push({ file, row: 1, column, value, message });

  headers.forEach((raw, i) => {
    const h = normaliseHeader(raw);
    if (directIdentifier(h)) {
      problem(raw.trim(), raw, 'direct identifier column: the profiler never stores identifiable data, so the whole file is refused');
    } else if (known.has(h)) {
      if (positions.has(h)) problem(h, raw, `column ${h} appears twice (columns ${positions.get(h)! + 1} and ${i + 1})`);
      else positions.set(h, i);
    } else if (h === '') {
      warnings.push(`${file}: column ${i + 1} has no header and is ignored`);
    } else {
      warnings.push(`${file}: column "${raw.trim()}" is not in the contract and is ignored`);
    }
  });
  for (const c of spec.columns) {
    if (c.required && !positions.has(c.name)) problem(c.name, null, 'required column missing from the header');
  }
  return { positions, problems, warnings };
}
