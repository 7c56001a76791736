// Taro 4 build config, written by hand (the CLI's init template pins a package
// that does not exist). One config for weapp and h5; outputs go to dist/<env>.
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type Chain from 'webpack-chain';
import devConfig from './dev';
import prodConfig from './prod';

const env = process.env.TARO_ENV ?? 'weapp';
// Local mode (identity picker + HTTP to the local cloud) is the default for h5;
// a real h5 deployment would set LOCAL_MODE=false.
const localMode = process.env.LOCAL_MODE !== 'false';

/** LICENSE.txt files only add bytes to the output. */
function noLicenseFiles(chain: Chain): void {
  // Dev builds do not minify. (webpack-chain has `minimizers` at runtime but not in its types.)
  const minimizers = (chain.optimization as unknown as { minimizers: { has(name: string): boolean } }).minimizers;
  if (!minimizers.has('terserPlugin')) return;
  chain.optimization.minimizer('terserPlugin').tap((args: Array<Record<string, unknown>>) => {
    args[0] = { ...args[0], extractComments: false };
    return args;
  });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'zwgk-theme-day',
    date: '2025-1-1',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT lets parallel builds (several developers, CI) write to separate folders.
    outputRoot: process.env.TARO_OUTPUT || `dist/${env}`,
    // weapp: the accessibility attributes the kit sets reach WeChat's templates (config/weapp-aria).
    plugins: [`${process.cwd()}/config/weapp-aria/plugin.js`],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || 'local-dev'),
      // Subscribe-message template ids: the variables the reminders function reads
      // (README, deploy). Taro puts TARO_APP_* from .env files into the bundle but
      // never a shell variable, so both sources are read here: the shell, or a
      // .env.production the deployer fills (TARO_APP_TEMPLATE_*).
      TEMPLATE_DEADLINE: JSON.stringify(process.env.TEMPLATE_DEADLINE || process.env.TARO_APP_TEMPLATE_DEADLINE || 'local-tpl-deadline'),
      TEMPLATE_EVENT: JSON.stringify(process.env.TEMPLATE_EVENT || process.env.TARO_APP_TEMPLATE_EVENT || 'local-tpl-event'),
      LOCAL_MODE: JSON.stringify(env === 'h5' && localMode),
    },
    alias: {
      '@': `${process.cwd()}/src`,
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    // Production builds (npm test, bench, deploy) start clean: a persistent cache left by an
    // earlier build of changed sources has produced a weapp bundle that fails at render.
    cache: { enable: process.env.NODE_ENV !== 'production' && !process.env.TARO_OUTPUT },
    mini: {
      // Modules used only by one subpackage move into that subpackage.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain: noLicenseFiles,
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      // hot: false: fast refresh needs react-refresh packages we do not install;
      // `--watch` then reloads the page on change instead.
      // /api goes to the local cloud (npm start), as when it serves the build itself.
      devServer: {
        host: '127.0.0.1',
        port: 10087,
        hot: false,
        proxy: [{ context: ['/api'], target: `http://127.0.0.1:${process.env.PORT || 10086}` }],
      },
      webpackChain(chain) {
        noLicenseFiles(chain);
        // The app is served from the local cloud or a CDN; size is tracked for weapp.
        chain.performance.hints(false);
        // The kit's modules run nothing when imported (src/components/index.ts), so a page gets
        // only the parts it uses: the home page no longer loads PhotoTile's Taro.previewImage,
        // which brings Swiper (~60 KB gzip of the first page's 185 KB).
        chain.module
          .rule('kitSideEffectFree')
          .test(/[\\/]src[\\/]components[\\/][^\\/]+\.tsx?$/)
          .set('sideEffects', false);
      },
    },
  };
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
