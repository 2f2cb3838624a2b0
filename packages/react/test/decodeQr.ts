/** Test helper (browser): rasterises an SVG QR code and reads it back with an independent decoder (jsQR). */
import jsQR from 'jsqr';

/** The QR's bytes as written (UTF-8), or null; `size` is the raster's side in pixels (default 4× the SVG's width). */
export async function decodeQr(svg: SVGSVGElement, size = Number(svg.getAttribute('width')) * 4): Promise<string | null> {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d')!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.drawImage(image, 0, 0, size, size);
  const code = jsQR(context.getImageData(0, 0, size, size).data, size, size);
  return code ? new TextDecoder().decode(new Uint8Array(code.binaryData)) : null;
}
