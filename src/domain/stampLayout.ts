// Where the photo stamp puts the logo. One definition for the app that draws it
// (src/lib/stamp.ts) and the server that looks for it (unit.addPhoto).

/** The logo's square, top-left, on a photo of width × height: 3% margin, 20% of the short side. */
export function logoBox(width: number, height: number): { x: number; y: number; size: number } {
  const short = Math.min(width, height);
  const margin = Math.round(short * 0.03);
  return { x: margin, y: margin, size: Math.round(short * 0.2) };
}
