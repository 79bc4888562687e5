// One compiler configuration for the build and for Jest, so tests run the code as it ships.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  // ignoreDynamic keeps `import()` native, so ES-module-only packages load from our CommonJS output.
  module: { type: 'commonjs', ignoreDynamic: true },
  sourceMaps: 'inline',
};
