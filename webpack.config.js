// Builds the add-in into dist/: taskpane.html (shared runtime: task pane, ribbon commands and
// custom functions in one page), functions.js + functions.json, the icons and the help page.
// Office.js comes from Microsoft's CDN (scripts/office-js-source.js says why and what the
// page's Content-Security-Policy allows).
const path = require('path');
const fs = require('fs');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { BundleBudgetPlugin } = require('./scripts/bundle-budget');
const { LocalizeFunctionsPlugin } = require('./scripts/localize-functions');

const PORT = 3000;
/** the webpack runtime chunk the pane, the commands and the functions share (runtime.js) */
const SHARED_RUNTIME = 'runtime';
const isOfficeJsAsset = (name) => /^(office\.js|excel[\w.-]*\.js|o15apptofilemappingtable\.js|custom-functions-runtime\.js|[\w-]+\/office_strings\.js|telemetry\/)/.test(name);

/**
 * HTTPS for the dev server: Office only loads add-ins over https. Tries, in order, trusted
 * certificates from office-addin-dev-certs, its certificate files even when they could not be
 * installed as trusted (no root), and plain http; says plainly which one it is using.
 */
async function devServerTransport() {
  const warn = (lines) => console.warn(['', ...lines.map((l) => `[预算编制助手 dev server] ${l}`), ''].join('\n'));
  let devCerts;
  try {
    devCerts = require('office-addin-dev-certs');
  } catch {
    devCerts = null;
  }
  if (devCerts && typeof devCerts.getHttpsServerOptions === 'function') {
    try {
      const options = await devCerts.getHttpsServerOptions();
      return { type: 'https', options };
    } catch (err) {
      const reason = String((err && err.message) || err).split('\n')[0];
      const dir = path.join(require('os').homedir(), '.office-addin-dev-certs');
      const files = ['localhost.crt', 'localhost.key', 'ca.crt'].map((f) => path.join(dir, f));
      if (files.every((f) => fs.existsSync(f))) {
        warn([
          `开发证书未能设为受信任（${reason}）。仍用 https，但浏览器和 Excel 会提示证书不受信任：`,
          `请把 ${files[2]} 导入为受信任的根证书，或以管理员身份运行 npx office-addin-dev-certs install。`,
          `The dev certificate could not be trusted (${reason}). Serving https anyway; trust ${files[2]} as a root CA`,
          'or run `npx office-addin-dev-certs install` as an administrator, or Excel will refuse to load the add-in.',
        ]);
        const [cert, key, ca] = files.map((f) => fs.readFileSync(f));
        return { type: 'https', options: { cert, key, ca } };
      }
      warn([
        `无法创建 HTTPS 开发证书（${reason}）。改用 http://localhost:${PORT}，Excel 不会从 http 加载加载项；`,
        '请以管理员身份运行 npx office-addin-dev-certs install 后重新 npm start。',
        `Could not make HTTPS dev certificates (${reason}). Serving plain http://localhost:${PORT}, which Excel will not load;`,
        'run `npx office-addin-dev-certs install` as an administrator, then npm start again.',
      ]);
      return 'http';
    }
  }
  warn([
    `找不到 office-addin-dev-certs，改用 http://localhost:${PORT}（Excel 需要 https）。请运行 npm install。`,
    `office-addin-dev-certs is not installed; serving plain http://localhost:${PORT} (Excel needs https). Run npm install.`,
  ]);
  return 'http';
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode !== 'production';
  const serving = !!env.WEBPACK_SERVE;
  return {
    mode: dev ? 'development' : 'production',
    devtool: 'source-map',
    // Office's older Windows web view (EdgeHTML) runs ES2017; ts-loader compiles down to it.
    target: ['web', 'es2017'],
    // One webpack runtime for the three entries of the shared runtime's page: a module they
    // share (the catalog in force, src/excel/workbook-catalog.ts) is then instantiated once, so
    // the functions use the 科目目录 sheet 校验 read. (Separate runtimes would give each its own copy.)
    entry: {
      taskpane: { import: './src/taskpane/taskpane.ts', runtime: SHARED_RUNTIME },
      functions: { import: './src/functions/functions.ts', runtime: SHARED_RUNTIME },
      commands: { import: './src/commands/commands.ts', runtime: SHARED_RUNTIME },
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].js',
      // Chunks sit beside taskpane.html. A fixed public path: webpack's automatic one brings in
      // its global-object shim, which falls back to `new Function` (forbidden by the page's CSP).
      publicPath: '',
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.js'],
      // The streaming reader (src/xlsx/stream) imports Node's fs, zlib and buffer for the CLI; in
      // the pane it runs with fflate and TextDecoder passed in (src/xlsx/browser-reader.ts), so
      // these are empty stubs here, never called (alias, not fallback: npm's `buffer` would resolve).
      alias: { fs$: false, zlib$: false, buffer$: false },
    },
    // No `global` shim: webpack's falls back to `new Function`, which the page's
    // Content-Security-Policy (no 'unsafe-eval') forbids; every web view here has globalThis.
    node: { global: false },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: {
              configFile: path.resolve(__dirname, 'tsconfig.json'),
              // types are checked by `tsc --noEmit -p tsconfig.json` (npm run lint)
              transpileOnly: true,
              compilerOptions: { module: 'es2020', target: 'es2017', sourceMap: true },
            },
          },
        },
        // seeds/*.json are imported by src/core/sample-seeds.ts: webpack's built-in JSON support
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // Libraries the task pane uses (decimal.js) in their own file. Only the task pane's
          // chunk is split; functions.js needs only runtime.js beside it, which taskpane.html loads first.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: 'vendor',
            chunks: (chunk) => chunk.name === 'taskpane',
            enforce: true,
          },
        },
      },
    },
    performance: {
      // Office.js's own files are Microsoft's, loaded by Office on demand; they are not our bundle.
      assetFilter: (name) => !name.endsWith('.map') && !isOfficeJsAsset(name),
      hints: dev ? false : 'warning',
      // The pane's budget is 300 KB gzipped (about 3× that minified); webpack's 244 KiB default
      // is for uncompressed public web pages.
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        output: 'functions.json',
        input: './src/functions/functions.ts',
      }),
      // functions.zh-CN.json: the same functions described in Chinese (the manifest's zh-CN override)
      new LocalizeFunctionsPlugin(),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // shared runtime: one page hosts the custom functions, the ribbon commands and the pane
        chunks: ['functions', 'commands', 'taskpane'],
        chunksSortMode: 'manual',
        scriptLoading: 'defer',
        inject: 'head',
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'assets/help.html', to: 'help.html' },
          { from: 'assets/help.html', to: 'assets/help.html' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'src/taskpane/office-fallback.js', to: 'office-fallback.js' },
        ],
      }),
      // gzipped sizes printed on every production build; over budget fails it
      ...(dev ? [] : [new BundleBudgetPlugin({ isOfficeJs: isOfficeJsAsset })]),
    ],
    devServer: serving
      ? {
          port: PORT,
          server: await devServerTransport(),
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
          liveReload: true,
          client: { overlay: { errors: true, warnings: false } },
        }
      : undefined,
  };
};
