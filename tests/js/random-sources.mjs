// Random sources for the tests of what chance decides (the options' order, the draw of an
// attempt): the same seed gives the same numbers.

// A seeded random source (mulberry32), in [0, 1) as Math.random.
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
