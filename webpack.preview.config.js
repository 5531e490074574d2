// The development preview (npm run preview) in dist-preview/: the production configuration
// (webpack.config.js: entries, loaders, copied assets, the taskpane.html it makes) with
// Microsoft's office.js (the CDN's) replaced by the stand-in host (src/dev/host/office-shim.ts, built as
// office.js) and the preview page with the grid (src/dev/preview) added. Deriving from the
// production config keeps the pane here the pane there, whatever assets it gains. Never the
// production build: HyperFormula (GPL-3) and src/dev are only here; scripts/check-dist.js
// guards dist/.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const production = require('./webpack.config.js');
const fs = require('fs');
const { taskpaneFor } = require('./scripts/office-js-source');

function withoutTemplate(options) {
  const rest = { ...options };
  delete rest.template;
  return rest;
}

// webpack calls this with (env, argv); only argv (the mode) is read
module.exports = async (...args) => {
  const argv = args[1] || {};
  const mode = argv.mode === 'production' ? 'production' : 'development';
  const base = await production({}, { mode });
  const plugins = base.plugins.map((plugin) =>
    // taskpane.html loads the stand-in (built as office.js here) from its own origin, not the CDN
    plugin instanceof HtmlWebpackPlugin && plugin.userOptions.filename === 'taskpane.html'
      ? new HtmlWebpackPlugin({ ...withoutTemplate(plugin.userOptions), templateContent: taskpaneFor('preview', fs.readFileSync(plugin.userOptions.template, 'utf8')) })
      : plugin,
  );
  return {
    ...base,
    mode,
    entry: {
      office: './src/dev/host/office-shim.ts',
      preview: './src/dev/preview/preview.ts',
      ...base.entry,
    },
    output: { ...base.output, path: path.resolve(__dirname, 'dist-preview') },
    performance: { hints: false },
    devServer: undefined,
    plugins: [
      ...plugins,
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/dev/preview/index.html',
        chunks: ['preview'],
        scriptLoading: 'defer',
        inject: 'head',
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'src/dev/preview/preview.css', to: 'preview.css' }] }),
    ],
  };
};
