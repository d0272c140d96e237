// Missing episodes: a thinned Poisson process per child over the child's period of risk.
import { ageOn, MINUTES_PER_DAY, ramp } from './calendar.ts';
import { ethnicityRecording, FOUND_LOCATION_TYPE, POLICE_RISK } from './codes.ts';
import type { Area, Child, Episode } from './model.ts';
import { Table, type Rng } from './prng.ts';

const CARE_PROPENSITY = 1.4; // children in care go missing more often (and are more often repeat missing)
const PROTOCOL_CARE_REDUCTION = 0.5;

// Start hour: mostly afternoon, evening and night.
const START_HOUR = new Table<number>(
  [4, 3, 2, 1, 0.5, 0.5, 0.5, 1, 2, 2, 2, 2, 2, 2, 3, 5, 6, 7, 8, 9, 9, 9, 8, 6].map((w, h) => [h, w] as const),
);
type Band = 'short' | 'day' | 'days' | 'long';
const DURATION_HOME = new Table<Band>([['short', 44], ['day', 36], ['days', 13], ['long', 7]]);
const DURATION_CARE = new Table<Band>([['short', 36], ['day', 38], ['days', 16], ['long', 10]]);
const ETHNICITY_RECORDING = ethnicityRecording(0.76);
const FROM_CARE = new Table<string | null>([['care', 88], ['school', 4], ['other', 6], [null, 2]]);
const FROM_HOME = new Table<string | null>([['home', 91], ['school', 4], ['other', 3], [null, 2]]);
const TYPE_CARE = new Table<string | null>([['missing', 78], ['away', 19], [null, 3]]);
const TYPE_HOME = new Table<string | null>([['missing', 96], ['away', 1], [null, 3]]);

export function missingEpisodes(area: Area, children: readonly Child[]): Episode[] {
  const rng = area.rng.fork('missing');
  const { t } = area;
  const overlap = (c: Child) => Math.max(0, Math.min(c.to, t.end) - Math.max(c.from, t.start) + 1);
  const exposure = children.reduce((s, c) => s + c.weight * (c.inCare ? CARE_PROPENSITY : 1) * overlap(c), 0);
  const perDay = (area.profile.episodesPerYear * t.years) / exposure;
  const episodes: Episode[] = [];
  for (const child of children) {
    if (overlap(child) === 0) continue;
    const rate = (perDay * child.weight * (child.inCare ? CARE_PROPENSITY : 1) * 1.15) / MINUTES_PER_DAY;
    const last = (Math.min(child.to, t.end) + 1) * MINUTES_PER_DAY;
    let cursor = Math.max(child.from, t.start) * MINUTES_PER_DAY;
    for (;;) {
      cursor += rng.exponential(1 / rate);
      if (cursor >= last) break;
      const day = Math.floor(cursor / MINUTES_PER_DAY);
      if (!rng.chance(acceptance(area, child, day) / 1.15)) continue;
      const previous = child.episodes[child.episodes.length - 1];
      let start = day * MINUTES_PER_DAY + START_HOUR.draw(rng) * 60 + rng.int(0, 59);
      if (previous && (previous.end === null || start < previous.end + 60)) {
        if (previous.end === null) break;
        start = previous.end + rng.int(60, 720);
      }
      if (start > t.endMinute) break;
      const episode = makeEpisode(area, rng, child, start);
      child.episodes.push(episode);
      episodes.push(episode);
      cursor = Math.max(cursor, episode.end ?? last);
    }
  }
  return episodes.sort((a, b) => a.start - b.start);
}

/** Seasonal variation (more in summer) and the effect of the care protocol. */
function acceptance(area: Area, child: Child, day: number): number {
  const season = 1 + 0.12 * Math.sin((2 * Math.PI * (day - 100)) / 365.25);
  const protocol = child.inCare ? 1 - PROTOCOL_CARE_REDUCTION * ramp(day, area.t.protocol, 120) : 1;
  return season * protocol;
}

function makeEpisode(area: Area, rng: Rng, child: Child, start: number): Episode {
  const { t } = area;
  const duration = durationMinutes(rng, (child.inCare ? DURATION_CARE : DURATION_HOME).draw(rng));
  const end = start + duration <= t.endMinute ? start + duration : null;
  const startDay = Math.floor(start / MINUTES_PER_DAY);
  const recorded = ETHNICITY_RECORDING.draw(rng);
  const afterProtocol = ramp(startDay, t.protocol, 120);
  const episode: Episode = {
    id: '',
    child,
    start,
    end,
    type: (child.inCare ? TYPE_CARE : TYPE_HOME).draw(rng),
    from: (child.inCare ? FROM_CARE : FROM_HOME).draw(rng),
    age: rng.chance(0.98) ? ageOn(child.birthDay, startDay) : null,
    sex: rng.chance(0.99) ? child.sex : null,
    ethnicity: recorded === 'recorded' ? child.ethnicity : recorded,
    ward: rng.chance(0.96) ? child.ward.code : null,
    risk: POLICE_RISK.draw(rng),
    foundWard: null,
    foundType: null,
    rhiOffered: null,
    rhiDate: null,
  };
  if (end === null) return episode;
  if (rng.chance(0.7)) {
    const r = rng.next();
    episode.foundWard = (r < 0.55 ? child.ward : r < 0.85 ? rng.pick(area.hotspots) : rng.pick(area.wards)).code;
  }
  if (rng.chance(0.55)) episode.foundType = FOUND_LOCATION_TYPE.draw(rng);
  const offered = rng.next();
  episode.rhiOffered = offered < 0.86 + 0.06 * afterProtocol ? 'Y' : offered < 0.95 ? 'N' : null;
  if (episode.rhiOffered === 'Y') {
    const endDay = Math.floor(end / MINUTES_PER_DAY);
    const r = rng.next();
    const within = 0.55 + 0.17 * afterProtocol;
    const date = r < within ? endDay + rng.int(0, 3) : r < within + 0.22 ? endDay + rng.int(4, 21) : null;
    episode.rhiDate = date !== null && date <= t.end ? date : null;
  }
  return episode;
}

function durationMinutes(rng: Rng, band: Band): number {
  switch (band) {
    case 'short':
      return Math.round(rng.logUniform(20, 360));
    case 'day':
      return rng.int(361, 1440);
    case 'days':
      return rng.int(1441, 4320);
    case 'long':
      return Math.round(rng.logUniform(4321, 20160));
  }
}
