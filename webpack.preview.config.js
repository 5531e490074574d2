// The development preview (npm run preview) in dist-preview/: the real task pane, custom
// functions and ribbon commands, with the stand-in host (src/dev/host) served as office.js,
// and the preview page with the grid (src/dev/preview). Never the production build:
// HyperFormula (GPL-3) and src/dev are only here; scripts/check-dist.js guards dist/.
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

module.exports = (_env = {}, argv = {}) => ({
  mode: argv.mode === 'production' ? 'production' : 'development',
  devtool: 'source-map',
  target: ['web', 'es2017'],
  entry: {
    office: './src/dev/host/office-shim.ts',
    preview: './src/dev/preview/preview.ts',
    taskpane: './src/taskpane/taskpane.ts',
    functions: './src/functions/functions.ts',
    commands: './src/commands/commands.ts',
  },
  output: {
    path: path.resolve(__dirname, 'dist-preview'),
    filename: '[name].js',
    clean: true,
  },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: 'ts-loader',
          options: {
            configFile: path.resolve(__dirname, 'tsconfig.json'),
            transpileOnly: true,
            compilerOptions: { module: 'es2020', target: 'es2017', sourceMap: true },
          },
        },
      },
    ],
  },
  performance: { hints: false },
  plugins: [
    new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './src/functions/functions.ts' }),
    // the same page as production: its <script src="office.js"> now loads the stand-in host
    new HtmlWebpackPlugin({
      filename: 'taskpane.html',
      template: './src/taskpane/taskpane.html',
      chunks: ['functions', 'commands', 'taskpane'],
      chunksSortMode: 'manual',
      scriptLoading: 'defer',
      inject: 'head',
    }),
    new HtmlWebpackPlugin({
      filename: 'index.html',
      template: './src/dev/preview/index.html',
      chunks: ['preview'],
      scriptLoading: 'defer',
      inject: 'head',
    }),
    new CopyWebpackPlugin({
      patterns: [
        { from: 'assets/*.png', to: 'assets/[name][ext]' },
        { from: 'assets/help.html', to: 'help.html' },
        { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
        { from: 'src/dev/preview/preview.css', to: 'preview.css' },
      ],
    }),
  ],
});
