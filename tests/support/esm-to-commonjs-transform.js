// Jest transform for ES-module-only packages (jose): only the module format changes, to CommonJS, with
// TypeScript's transpiler; the code stays ES2022, so classes keep their native fields. (ts-jest with the
// repository's options would move class fields into constructors, and jose's minified
// `super(...), this.x = ...` would then touch `this` before super: every jose error became a ReferenceError,
// e.g. an expired token read as an invalid one. ts-jest shares one configuration between its transform
// entries, so the options cannot just differ for node_modules.)
const { createHash } = require('node:crypto');
const ts = require('typescript');

const compilerOptions = { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, allowJs: true, esModuleInterop: true, sourceMap: false, inlineSourceMap: true };

module.exports = {
  process(source, filename) {
    return { code: ts.transpileModule(source, { compilerOptions, fileName: filename }).outputText };
  },
  getCacheKey(source, filename) {
    return createHash('sha1').update(ts.version).update(JSON.stringify(compilerOptions)).update(filename).update(source).digest('hex');
  },
};
