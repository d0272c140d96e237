// Deterministic generator of fictional, synthetic extracts.
//   npm run samples                                   → demo borough into data-samples/
//   npm run samples -- --scale national --out /tmp/x  → benchmark volumes, streamed to disk
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildArea, type AreaData } from './area.ts';
import * as extracts from './extracts.ts';
import type { Extract } from './extracts.ts';
import { wardFeature } from './geography.ts';
import { Rng } from './prng.ts';
import { readmeText } from './readme.ts';
import { isScaleName, SCALES, type ScaleName } from './scales.ts';
import { CsvSink, TextSink } from './writer.ts';

export const DEFAULT_SEED = 'marrowby';

export interface GenerateOptions {
  scale?: ScaleName;
  outDir: string;
  seed?: string;
}

export interface GenerateResult {
  rows: Record<string, number>; // rows per file (boundaries: features)
  wards: number;
  ms: number;
}

// In the order of the contract (a module namespace's own key order differs between loaders).
const FILES = {
  cases: extracts.cases,
  missingEpisodes: extracts.missingEpisodes,
  offenders: extracts.offenders,
  caseOffenderLinks: extracts.caseOffenderLinks,
  locations: extracts.locations,
  locationReports: extracts.locationReports,
  disruptions: extracts.disruptions,
  population: extracts.population,
};
type Writers = Record<keyof typeof FILES, CsvSink>;

export async function generateArea(opts: GenerateOptions): Promise<GenerateResult> {
  const began = performance.now();
  const scaleName = opts.scale ?? 'demo';
  const scale = SCALES[scaleName];
  const seed = opts.seed ?? DEFAULT_SEED;
  const root = new Rng(seed);
  await mkdir(opts.outDir, { recursive: true });
  const writers = {} as Writers;
  for (const [key, extract] of Object.entries(FILES) as [keyof Writers, Extract<never>][]) {
    writers[key] = await CsvSink.open(join(opts.outDir, extract.file), extract.header);
  }
  const boundaries = TextSink.open(join(opts.outDir, 'boundaries.geojson'));
  await boundaries.write('{"type":"FeatureCollection","features":[\n');
  let wards = 0;
  for (let index = 0; index < scale.areas; index++) {
    const data = buildArea(root, scale, index, 990001 + wards);
    for (const ward of data.area.wards) await boundaries.write(`${wards++ > 0 ? ',\n' : ''}${wardFeature(ward)}`);
    await writeArea(data, writers);
  }
  await boundaries.write('\n]}\n');
  await boundaries.close();
  const rows: Record<string, number> = {};
  for (const [key, extract] of Object.entries(FILES) as [keyof Writers, Extract<never>][]) {
    await writers[key].close();
    rows[extract.file] = writers[key].rows;
  }
  rows['boundaries.geojson'] = wards;
  await writeFile(join(opts.outDir, 'README.md'), readmeText(scaleName, scale, seed, rows, wards));
  return { rows, wards, ms: performance.now() - began };
}

async function writeArea(data: AreaData, w: Writers): Promise<void> {
  await writeAll(w.cases, extracts.cases, data.cases);
  await writeAll(w.missingEpisodes, extracts.missingEpisodes, data.episodes);
  await writeAll(w.offenders, extracts.offenders, data.offending.offenders);
  await writeAll(w.caseOffenderLinks, extracts.caseOffenderLinks, data.offending.links);
  await writeAll(w.locations, extracts.locations, data.locations);
  await writeAll(w.locationReports, extracts.locationReports, data.reports);
  await writeAll(w.disruptions, extracts.disruptions, data.disruptions);
  await writeAll(w.population, extracts.population, data.population);
}

async function writeAll<T>(sink: CsvSink, extract: Extract<T>, records: readonly T[]): Promise<void> {
  for (const record of records) await sink.row(extract.row(record));
}

function parseArgs(argv: string[]): GenerateOptions {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const scale = value('--scale') ?? 'demo';
  if (!isScaleName(scale)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
  const outDir = resolve(value('--out') ?? (scale === 'demo' ? 'data-samples' : `bench-out/${scale}`));
  return { scale, outDir, seed: value('--seed') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const opts = parseArgs(process.argv.slice(2));
  const result = await generateArea(opts);
  for (const [file, n] of Object.entries(result.rows)) console.log(`${file.padEnd(26)} ${String(n).padStart(10)}`);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`${opts.scale} → ${opts.outDir} in ${(result.ms / 1000).toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB`);
}
