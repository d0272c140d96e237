// Invented ward names. The first two name the town-centre wards.
const NAMES = [
  'Marrowby Central', 'Marrowby Riverside', 'Brackenhythe', 'Cinderlow', 'Dunmallow', 'Eskerfield', 'Fennick Rise',
  'Gorsewick', 'Hollinwray', 'Kestle Mead', 'Larkholt Green', 'Mossender', 'Quillbrook', 'Ravensloe', 'Sallowmere',
  'Tarnwick Hollow', 'Upper Wendle', 'Vellacombe', 'Wrenshaw Park', 'Yarrowfold',
];

/** Ward names of the demo borough, or of tiled area `n` (numbered so names stay distinct). */
export function wardNames(n: number | null): string[] {
  if (n === null) return NAMES;
  const town = `Area ${String(n).padStart(2, '0')}`;
  return NAMES.map((name) => `${name.replace('Marrowby', town)}${name.startsWith('Marrowby') ? '' : ` (${town})`}`);
}
