/**
 * Saving figures. An SVG drawn into an <img> (which is how it becomes a PNG) cannot load the
 * page's fonts, so the lab's bundled font is embedded in the exported SVG as a data URL: the file
 * shows Chinese on machines without a Chinese font, and the PNG can be drawn at all.
 */
import fontUrl from "../generated/lab.woff2?url";

let fontData: Promise<string | null> | null = null;

function fontAsDataUrl(): Promise<string | null> {
  fontData ??= fetch(fontUrl)
    .then((response) => (response.ok ? response.blob() : null))
    .then(
      (blob) =>
        blob &&
        new Promise<string>((resolve) => {
          const reader = new FileReader();
          reader.onload = () => resolve(String(reader.result));
          reader.readAsDataURL(blob);
        }),
    )
    .catch(() => null);
  return fontData;
}

export async function withEmbeddedFont(svg: string): Promise<string> {
  const data = await fontAsDataUrl();
  if (!data) return svg;
  const style = `<style>@font-face{font-family:"Noto Sans SC";src:url(${data}) format("woff2");}</style>`;
  return svg.replace(/<svg\b[^>]*>/, (open) => `${open}${style}`);
}

export function svgToPngBlob(svg: string, scale = 2): Promise<Blob> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
    image.onload = () => {
      const canvas = document.createElement("canvas");
      canvas.width = Math.ceil(image.width * scale);
      canvas.height = Math.ceil(image.height * scale);
      const context = canvas.getContext("2d")!;
      context.fillStyle = "#fff";
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG encoding failed"))), "image/png");
    };
    image.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error("SVG could not be drawn"));
    };
    image.src = url;
  });
}

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
