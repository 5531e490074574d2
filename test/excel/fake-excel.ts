// The fake moved to src/dev/host/excel/ so the preview's stand-in host runs on the same code
// the writer, validation and prepare tests trust; they keep importing it from here.
export * from '../../src/dev/host/excel/fake-excel';
