// pdf.js publishes no types for its worker module; the importer only hands it to pdf.js.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
