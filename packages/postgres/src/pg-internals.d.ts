// pg's value preparation (the mapping it applies to every bound value) is exported only
// as a deep path; pg-cursor imports it the same way. The part execute-many.ts uses.
declare module "pg/lib/utils.js" {
  const utils: {
    /** A bound value as pg sends it: text, a Buffer, or null. */
    prepareValue(value: unknown): string | Buffer | null;
  };
  export default utils;
}
