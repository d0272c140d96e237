// File downloads made in the browser (no network): CSV, SVG and PNG of a chart.

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file-name-safe slug: 'Victims by age band' → 'victims-by-age-band'. */
export function slug(s: string): string {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'figure';
}

/** Standalone SVG text with namespace and a white background. */
export function svgText(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  const bg = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', '#ffffff');
  const firstDrawn = [...clone.children].find((c) => c.tagName !== 'title' && c.tagName !== 'style' && c.tagName !== 'defs');
  clone.insertBefore(bg, firstDrawn ?? null);
  return new XMLSerializer().serializeToString(clone);
}

export function downloadSvg(svg: SVGSVGElement, filename: string): void {
  downloadBlob(new Blob([svgText(svg)], { type: 'image/svg+xml;charset=utf-8' }), `${filename}.svg`);
}

/** Renders the SVG on a canvas at twice its size and downloads it as PNG. */
export async function downloadPng(svg: SVGSVGElement, filename: string): Promise<void> {
  const width = Number(svg.getAttribute('width')) || svg.clientWidth || 640;
  const height = Number(svg.getAttribute('height')) || svg.clientHeight || 400;
  const url = URL.createObjectURL(new Blob([svgText(svg)], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be drawn as an image.'));
      img.src = url;
    });
    const scale = 2;
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const g = canvas.getContext('2d');
    if (!g) throw new Error('This browser cannot draw images.');
    g.scale(scale, scale);
    g.drawImage(img, 0, 0, width, height);
    const png = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!png) throw new Error('This browser cannot make PNG files.');
    downloadBlob(png, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}
