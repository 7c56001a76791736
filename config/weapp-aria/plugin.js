// Taro plugin (config/index.ts): on weapp, base.wxml's templates render
// aria-role / aria-label / aria-checked, and the runtime sends them (runtime.js).
const path = require('node:path');
const components = require('./components');

module.exports = (ctx) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn(platform) {
      if (platform.platform !== 'weapp') return;
      platform.template.mergeComponents(ctx, components);
      platform.runtimePath = [...[].concat(platform.runtimePath), path.join(__dirname, 'runtime.js')];
    },
  });
};
